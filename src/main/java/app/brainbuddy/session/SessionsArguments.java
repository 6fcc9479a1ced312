package app.brainbuddy.session;

import app.brainbuddy.graphql.Page;

/** The arguments of {@code User.sessions}, and whether the query selects the sessions' content. */
record SessionsArguments(SessionFilter filter, Page page, boolean withContent) {}
