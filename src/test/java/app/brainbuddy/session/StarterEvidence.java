package app.brainbuddy.session;

import app.brainbuddy.knowledge.BrainKnowledge;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import tools.jackson.databind.json.JsonMapper;

/** The knowledge base the project ships, read as stored documents, strongest evidence first. */
public final class StarterEvidence {

    private StarterEvidence() {}

    /** The entries behind each kind of session, as the server's content generator picks them. */
    public static Map<TrainingOption, List<BrainKnowledge>> byOption() {
        ContentGenerator generator =
                new ContentGenerator(new RoutineLibrary(JsonMapper.builder().build()));
        List<BrainKnowledge> entries = entries();
        return TrainingOption.of(null).stream()
                .collect(Collectors.toMap(Function.identity(), option -> generator.evidenceFor(option, entries)));
    }

    public static List<BrainKnowledge> entries() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext mapping = new MongoMappingContext();
        mapping.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, mapping);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        try (InputStream in = new ClassPathResource("knowledge/knowledge-references.json").getInputStream()) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Document.parse("{\"entries\": " + json + "}").getList("entries", Document.class).stream()
                    .map(entry -> entry.append("_id", new ObjectId()).append("created_at", new Date()))
                    .map(entry -> converter.read(BrainKnowledge.class, entry))
                    .sorted(Comparator.comparingDouble(BrainKnowledge::evidenceStrength)
                            .reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
