package app.brainbuddy.knowledge;

import app.brainbuddy.graphql.Connection;
import app.brainbuddy.graphql.Cursor;
import app.brainbuddy.graphql.Page;
import app.brainbuddy.mongo.Keyset;
import java.util.ArrayList;
import java.util.List;
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
}
