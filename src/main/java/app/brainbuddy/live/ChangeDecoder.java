package app.brainbuddy.live;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.util.Optional;
import org.bson.Document;

/**
 * How a feature reads a change of its collection into the event its subscribers receive; a change
 * that means nothing to them (or names no owner) decodes to nothing. Used with change streams only.
 */
public interface ChangeDecoder {

    /** The collection whose changes this decodes. */
    String collection();

    Optional<LiveEvent> decode(ChangeStreamDocument<Document> change);
}
