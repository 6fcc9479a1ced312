package app.brainbuddy.session;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link SessionTests} (filters, cursors, newest first) with the pages of sessions read by the
 * {@code $lookup} form of MongoDB 5+, forced on the embedded server.
 */
@TestPropertySource(properties = "brainbuddy.sessions.page-form=lookup")
class SessionWithLookupPagesTests extends SessionTests {}
