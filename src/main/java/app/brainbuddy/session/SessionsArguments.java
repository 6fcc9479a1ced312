package app.brainbuddy.session;

import app.brainbuddy.graphql.Page;
import java.util.Set;

/** The arguments of {@code User.sessions}, and which optional stored fields the query selects. */
record SessionsArguments(SessionFilter filter, Page page, Set<OptionalSessionField> selected) {}
