package app.brainbuddy.session;

import app.brainbuddy.graphql.Page;

/** The arguments of {@code User.sessions}. */
record SessionsArguments(SessionFilter filter, Page page) {}
