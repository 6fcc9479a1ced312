// Runs the collection several times in a row against one server, as `npm run collection` runs it
// once, to show that repeated runs keep passing: they reuse the tour account and stay within the
// sign-up limit. The first run prints newman's full report, every run one line with what it skipped;
// the first run with a failed assertion prints its failures and ends with exit code 1.
//
//   node repeat.mjs [--runs 10] [--env-var baseUrl=http://localhost:8091]...
import { parseArgs } from "node:util";
import newman from "newman";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10" },
    "env-var": { type: "string", multiple: true, default: [] },
  },
});
const runs = Number(values.runs);
const envVar = values["env-var"].map((pair) => {
  const equals = pair.indexOf("=");
  return { key: pair.slice(0, equals), value: pair.slice(equals + 1) };
});

function run(number) {
  const skipped = [];
  return new Promise((resolve, reject) => {
    newman
      .run(
        {
          collection: "brain-buddy.postman_collection.json",
          environment: "local.postman_environment.json",
          envVar,
          reporters: number === 1 ? ["cli"] : [],
        },
        (error, summary) => (error ? reject(error) : resolve({ summary, skipped })),
      )
      .on("console", (error, { messages }) => {
        const skip = /^Skipped "([^"]+)"/.exec(messages.join(" "));
        if (skip) skipped.push(skip[1]);
      });
  });
}

for (let number = 1; number <= runs; number++) {
  const { summary, skipped } = await run(number);
  const { requests, assertions } = summary.run.stats;
  const seconds = (summary.run.timings.completed - summary.run.timings.started) / 1000;
  console.log(
    `run ${number}/${runs}: ${requests.total} requests, ${assertions.total} assertions, ` +
      `${assertions.failed} failed, ${seconds.toFixed(1)} s; ${skipped.length} skipped` +
      (skipped.length ? `: ${skipped.join("; ")}` : ""),
  );
  if (summary.run.failures.length) {
    for (const { source, error } of summary.run.failures) {
      console.log(`  ${source?.name ?? "?"}: ${error.test ?? error.name}: ${error.message}`);
    }
    process.exit(1);
  }
}
