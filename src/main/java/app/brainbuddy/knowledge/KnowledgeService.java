package app.brainbuddy.knowledge;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.JsonLimits;
import app.brainbuddy.graphql.Page;
import app.brainbuddy.user.CurrentUser;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

@Service
public class KnowledgeService {

    /** The oldest year a citation may carry; the newest is next year (papers appear before their volume). */
    static final int FIRST_CITATION_YEAR = 1800;

    private final KnowledgeStore store;
    private final CurrentUser currentUser;
    private final Clock clock;

    KnowledgeService(KnowledgeStore store, CurrentUser currentUser, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The knowledge base is public evidence, readable by anyone. */
    Connection<BrainKnowledge> search(KnowledgeFilter filter, Page page) {
        return Connection.of(
                store.search(filter, page), page, entry -> page.cursor(entry.evidenceStrength(), entry.id()));
    }

    BrainKnowledge add(AddKnowledgeInput input) {
        currentUser.requireAdmin();
        checkContent(input.stimulusParameters(), input.citations());
        return store.insert(
                input.toEntry(new ObjectId().toHexString(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    BrainKnowledge update(UpdateKnowledgeInput input) {
        currentUser.requireAdmin();
        checkContent(input.stimulusParameters(), input.citations());
        BrainKnowledge updated = store.update(input);
        if (updated == null) {
            throw ApiException.notFound("Knowledge entry", input.id());
        }
        return updated;
    }

    String delete(String id) {
        currentUser.requireAdmin();
        if (!store.delete(id)) {
            throw ApiException.notFound("Knowledge entry", id);
        }
        return id;
    }

    /** What the input's annotations cannot say: the parameters' size, and years that depend on today. */
    void checkContent(@Nullable Map<String, Object> stimulusParameters, @Nullable List<Citation> citations) {
        if (stimulusParameters != null) {
            JsonLimits.SMALL_OBJECT.check("input.stimulusParameters", stimulusParameters);
        }
        if (citations != null) {
            int lastYear = Year.now(clock.withZone(ZoneOffset.UTC)).getValue() + 1;
            for (int i = 0; i < citations.size(); i++) {
                int year = citations.get(i).year();
                if (year < FIRST_CITATION_YEAR || year > lastYear) {
                    throw ApiException.badRequest("Invalid input: input.citations[" + i + "].year must be between "
                            + FIRST_CITATION_YEAR + " and " + lastYear + ", was " + year);
                }
            }
        }
    }

    /** Every entry about one of these stimuli, strongest evidence first: what generated content draws on. */
    public List<BrainKnowledge> about(Collection<String> stimulusTypes) {
        return store.about(stimulusTypes);
    }

    /** The entries with these ids that still exist, by id, in one command. */
    public Map<String, BrainKnowledge> byIds(Collection<String> ids) {
        return store.byIds(ids);
    }
}
