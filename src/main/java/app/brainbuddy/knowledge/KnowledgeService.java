package app.brainbuddy.knowledge;

import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.Cursor;
import app.brainbuddy.graphql.Page;
import app.brainbuddy.mongo.Keyset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

@Service
public class KnowledgeService {

    private static final Sort STRONGEST_FIRST = Sort.by(Sort.Order.desc("evidenceStrength"), Sort.Order.desc("id"));

    private final MongoTemplate mongo;

    KnowledgeService(MongoTemplate mongo) {
        this.mongo = mongo;
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
