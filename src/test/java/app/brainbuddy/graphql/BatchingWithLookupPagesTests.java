package app.brainbuddy.graphql;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link BatchingTests} with the pages of sessions read as on MongoDB 5+ (one aggregation whose
 * {@code $lookup} pipeline pages each user), forced on the embedded server, so that the production
 * form runs on every build; its speed here does not matter.
 */
@TestPropertySource(properties = "brainbuddy.sessions.page-form=lookup")
class BatchingWithLookupPagesTests extends BatchingTests {

    @Override
    protected String sessionPagesCommand() {
        return "aggregate users";
    }
}
