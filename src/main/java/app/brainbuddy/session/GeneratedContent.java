package app.brainbuddy.session;

import java.util.List;
import java.util.Map;

/** A session's generated content and the ids of the knowledge entries it drew on. */
record GeneratedContent(Map<String, Object> content, List<String> evidenceIds) {}
