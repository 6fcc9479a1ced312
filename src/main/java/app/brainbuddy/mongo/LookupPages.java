package app.brainbuddy.mongo;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Pages of children for many parents in one aggregation over the parents: a {@code $lookup} whose
 * pipeline matches one parent's children, sorts them newest first and stops after the page, so that
 * on MongoDB 5.0+ each parent's page walks the {@code {parent, sort}} index and reads only the page.
 * Plain BSON, with the stored names given, so that the benchmark's limit ({@code bench/Limit.java},
 * no Spring) sends exactly the server's pipeline.
 *
 * @param children the children's collection
 * @param parentField the children's stored field holding the parent's id as a string
 * @param sortField the children's stored field pages are sorted by, newest first, then {@code _id}
 */
public record LookupPages(String children, String parentField, String sortField) {

    /** The field of each parent in the answer that holds its page. */
    public static final String PAGE = "page";

    /**
     * The pipeline to run on the parents' collection: each parent's {@code _id} with its {@value #PAGE}.
     *
     * @param conditions what the children must match besides their parent (stored names), may be empty
     * @param limit the most children per parent
     * @param projection the children's fields to keep or leave out (stored names), null for all
     */
    public List<Document> pipeline(
            List<ObjectId> parentIds, Document conditions, int limit, @Nullable Document projection) {
        List<Document> perParent = new ArrayList<>();
        perParent.add(new Document(
                "$match", new Document("$expr", new Document("$eq", List.of("$" + parentField, "$$parentId")))));
        if (!conditions.isEmpty()) {
            perParent.add(new Document("$match", conditions));
        }
        perParent.add(new Document("$sort", new Document(sortField, -1).append("_id", -1)));
        perParent.add(new Document("$limit", limit));
        if (projection != null) {
            perParent.add(new Document("$project", projection));
        }
        return List.of(
                new Document("$match", new Document("_id", new Document("$in", parentIds))),
                new Document("$project", new Document("_id", 1)),
                new Document(
                        "$lookup",
                        new Document("from", children)
                                .append("let", new Document("parentId", new Document("$toString", "$_id")))
                                .append("pipeline", perParent)
                                .append("as", PAGE)));
    }
}
