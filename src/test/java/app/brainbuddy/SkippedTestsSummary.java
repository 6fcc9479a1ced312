package app.brainbuddy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends the test run with one line saying how many tests were skipped and why (no Docker for the
 * MongoDB twins, no browser for GraphiQL), so that a green build does not hide what it did not run.
 */
public class SkippedTestsSummary implements TestExecutionListener {

    private final Map<String, Long> skipped = new TreeMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        skipped.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        long tests = identifier.isTest()
                ? 1
                : plan.getDescendants(identifier).stream()
                        .filter(TestIdentifier::isTest)
                        .count();
        skipped.merge(because(reason), tests, Long::sum);
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest() && result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped.merge(
                    because(result.getThrowable().map(Throwable::getMessage).orElse("")), 1L, Long::sum);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!skipped.isEmpty()) {
            long total = skipped.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder line = new StringBuilder("Skipped " + total + " tests:");
            skipped.forEach((reason, count) ->
                    line.append(" ").append(count).append(" ").append(reason).append(";"));
            System.out.println(line.substring(0, line.length() - 1) + " (see README, Tests)");
        }
    }

    private static String because(String reason) {
        String text = reason == null ? "" : reason.toLowerCase();
        if (text.contains("docker")) {
            return "without Docker (the *OnMongoDbTests twins)";
        }
        if (text.contains("chromium") || text.contains("browser")) {
            return "without Chromium (GraphiqlBrowserTests)";
        }
        return "for another reason (" + reason + ")";
    }
}
