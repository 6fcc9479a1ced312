package app.brainbuddy.knowledge;

import app.brainbuddy.graphql.ApiException;
import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.Cursor;
import app.brainbuddy.graphql.JsonLimits;
import app.brainbuddy.graphql.Page;
import app.brainbuddy.mongo.Keyset;
import app.brainbuddy.user.CurrentUser;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

@Service
public class KnowledgeService {

    private static final Sort STRONGEST_FIRST = Sort.by(Sort.Order.desc("evidenceStrength"), Sort.Order.desc("id"));

    /** The oldest year a citation may carry; the newest is next year (papers appear before their volume). */
    static final int FIRST_CITATION_YEAR = 1800;

    private final MongoTemplate mongo;
    private final CurrentUser currentUser;
    private final Clock clock;

    KnowledgeService(MongoTemplate mongo, CurrentUser currentUser, Clock clock) {
        this.mongo = mongo;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The knowledge base is public evidence, readable by anyone. */
    Connection<BrainKnowledge> search(KnowledgeFilter filter, Page page) {
        List<Criteria> parts = new ArrayList<>();
        if (filter.stimulusType() != null) {
            parts.add(Criteria.where("stimulusType").is(filter.stimulusType()));
        }
        if (filter.outcome() != null) {
            parts.add(Criteria.where("outcome").is(filter.outcome()));
        }
        if (filter.minEvidence() != null) {
            parts.add(Criteria.where("evidenceStrength").gte(filter.minEvidence()));
        }
        Cursor after = page.after();
        if (after != null) {
            parts.add(Keyset.descendingAfter("evidenceStrength", after.number(), after.id()));
        }
        Query query = new Query(parts.isEmpty() ? new Criteria() : new Criteria().andOperator(parts))
                .with(STRONGEST_FIRST)
                .limit(page.first() + 1);
        return Connection.of(
                mongo.find(query, BrainKnowledge.class),
                page,
                entry -> page.cursor(entry.evidenceStrength(), entry.id()));
    }

    BrainKnowledge add(AddKnowledgeInput input) {
        currentUser.requireAdmin();
        checkContent(input.stimulusParameters(), input.citations());
        return mongo.insert(
                input.toEntry(new ObjectId().toHexString(), clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    BrainKnowledge update(UpdateKnowledgeInput input) {
        currentUser.requireAdmin();
        checkContent(input.stimulusParameters(), input.citations());
        Update update = new Update();
        if (input.stimulusType() != null) {
            update.set("stimulus_type", input.stimulusType());
        }
        if (input.stimulusParameters() != null) {
            update.set("stimulus_parameters", input.stimulusParameters());
        }
        if (input.outcome() != null) {
            update.set("outcome", input.outcome());
        }
        if (input.evidenceStrength() != null) {
            update.set("evidence_strength", input.evidenceStrength());
        }
        if (!input.evidenceNote().isOmitted()) {
            String note = AddKnowledgeInput.note(input.evidenceNote().value());
            if (note == null) {
                update.unset("evidence_note");
            } else {
                update.set("evidence_note", note);
            }
        }
        if (input.citations() != null) {
            update.set(
                    "citations",
                    input.citations().stream().map(Citation::stripped).toList());
        }
        BrainKnowledge updated = mongo.findAndModify(
                byId(input.id()), update, FindAndModifyOptions.options().returnNew(true), BrainKnowledge.class);
        if (updated == null) {
            throw ApiException.notFound("Knowledge entry", input.id());
        }
        return updated;
    }

    String delete(String id) {
        currentUser.requireAdmin();
        if (mongo.remove(byId(id), BrainKnowledge.class).getDeletedCount() == 0) {
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

    /** A malformed id is not converted to an ObjectId, so it matches nothing. */
    private static Query byId(String id) {
        return new Query(Criteria.where("id").is(id));
    }

    /** Every entry about one of these stimuli, strongest evidence first: what generated content draws on. */
    public List<BrainKnowledge> about(Collection<String> stimulusTypes) {
        return mongo.find(
                new Query(Criteria.where("stimulusType").in(stimulusTypes)).with(STRONGEST_FIRST),
                BrainKnowledge.class);
    }

    /** The entries with these ids that still exist, by id, in one command. */
    public Map<String, BrainKnowledge> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(new Query(Criteria.where("id").in(ids)), BrainKnowledge.class).stream()
                .collect(Collectors.toMap(BrainKnowledge::id, Function.identity()));
    }
}
