package app.brainbuddy.knowledge;

import app.brainbuddy.graphql.Cursor;
import app.brainbuddy.graphql.Page;
import app.brainbuddy.mongo.Keyset;
import app.brainbuddy.mongo.UnorderedInserts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The knowledge base in {@code brain_knowledge}. Queries and updates name {@link BrainKnowledge}'s
 * properties; Spring Data maps them to the stored names of its {@code @Field}s.
 */
@Component
class KnowledgeStore {

    private static final Sort STRONGEST_FIRST = Sort.by(Sort.Order.desc("evidenceStrength"), Sort.Order.desc("id"));

    private final MongoTemplate mongo;

    KnowledgeStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The entries matching the filter after the page's cursor, strongest first, at most one more than the page. */
    List<BrainKnowledge> search(KnowledgeFilter filter, Page page) {
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
        return mongo.find(query, BrainKnowledge.class);
    }

    BrainKnowledge insert(BrainKnowledge entry) {
        return mongo.insert(entry);
    }

    /** The entry after the input's changes (the parts it leaves out stay); null when there is none with this id. */
    @Nullable
    BrainKnowledge update(UpdateKnowledgeInput input) {
        Update update = new Update();
        if (input.stimulusType() != null) {
            update.set("stimulusType", input.stimulusType());
        }
        if (input.stimulusParameters() != null) {
            update.set("stimulusParameters", input.stimulusParameters());
        }
        if (input.outcome() != null) {
            update.set("outcome", input.outcome());
        }
        if (input.evidenceStrength() != null) {
            update.set("evidenceStrength", input.evidenceStrength());
        }
        if (!input.evidenceNote().isOmitted()) {
            String note = AddKnowledgeInput.note(input.evidenceNote().value());
            if (note == null) {
                update.unset("evidenceNote");
            } else {
                update.set("evidenceNote", note);
            }
        }
        if (input.citations() != null) {
            update.set(
                    "citations",
                    input.citations().stream().map(Citation::stripped).toList());
        }
        return mongo.findAndModify(
                byId(input.id()), update, FindAndModifyOptions.options().returnNew(true), BrainKnowledge.class);
    }

    boolean delete(String id) {
        return mongo.remove(byId(id), BrainKnowledge.class).getDeletedCount() > 0;
    }

    /** Every entry about one of these stimuli, strongest evidence first. */
    List<BrainKnowledge> about(Collection<String> stimulusTypes) {
        return mongo.find(
                new Query(Criteria.where("stimulusType").in(stimulusTypes)).with(STRONGEST_FIRST),
                BrainKnowledge.class);
    }

    /** The entries with these ids that still exist, by id, in one command. */
    Map<String, BrainKnowledge> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return mongo.find(new Query(Criteria.where("id").in(ids)), BrainKnowledge.class).stream()
                .collect(Collectors.toMap(BrainKnowledge::id, Function.identity()));
    }

    boolean isEmpty() {
        return !mongo.exists(new Query(), BrainKnowledge.class);
    }

    /**
     * Inserts the entries in one unordered command; an entry whose {@code _id} is already there is
     * skipped. Answers how many this call inserted.
     */
    int insertNew(List<BrainKnowledge> entries) {
        return entries.size()
                - UnorderedInserts.insertSkippingTaken(mongo, entries, BrainKnowledge.class)
                        .size();
    }

    /** A malformed id is not converted to an ObjectId, so it matches nothing. */
    private static Query byId(String id) {
        return new Query(Criteria.where("id").is(id));
    }
}
