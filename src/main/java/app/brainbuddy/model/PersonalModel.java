package app.brainbuddy.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's personal model: the posterior over the rating weights and the record of which rating of which session it
 * has learned. It is always the prior plus the user's rated sessions learned oldest first, each earlier rating fading
 * by the same factor per newer one ({@link RatingPosterior#discounted}). With fading, a re-rated or newly synced old
 * session changes the weight of every rating around it, so the model is rebuilt from the ordered ratings whenever its
 * record differs from them: a rating it already holds changes nothing, a re-rating replaces that session's rating, and
 * the model is the same whatever the order or repetition in which the ratings arrived. {@link #steps()} is the number
 * of distinct sessions learned.
 */
final class PersonalModel {

    /**
     * Format 1 held the posterior alone, 2 added the record (both with the features of version 1); 3 adds the
     * {@link FeatureMap#VERSION}; 4 has the same layout, learned with {@link Learning}'s change detection from a
     * prior whose variance grows with weak evidence, so a format-3 posterior is not mixed with it. A model of another
     * format or feature version is rebuilt from the ratings.
     */
    private static final byte FORMAT = 4;

    private final RatingPosterior posterior;
    private final TreeMap<String, Integer> learned;

    private PersonalModel(RatingPosterior posterior, TreeMap<String, Integer> learned) {
        this.posterior = posterior;
        this.learned = learned;
    }

    /** A model that has learned nothing beyond this prior. */
    static PersonalModel from(RatingPosterior prior) {
        return new PersonalModel(prior, new TreeMap<>());
    }

    RatingPosterior posterior() {
        return posterior;
    }

    int steps() {
        return learned.size();
    }

    /** Session id → the rating learned from it. */
    Map<String, Integer> learned() {
        return Collections.unmodifiableMap(learned);
    }

    /** Whether this model has learned exactly these ratings (session id → rating), nothing more or less. */
    boolean holds(Map<String, Integer> ratings) {
        return learned.equals(ratings);
    }

    /**
     * The model of these rated sessions, given oldest first: from the prior, each rating learned after the earlier
     * ones have faded by {@code keep}, starting again where the ratings show a change of preference ({@link Learning}).
     */
    static PersonalModel rebuild(RatingPosterior prior, List<Rated> oldestFirst, double keep) {
        Learning learning = new Learning(prior, keep);
        TreeMap<String, Integer> record = new TreeMap<>();
        for (Rated rated : oldestFirst) {
            learning.learn(rated.features(), rated.rating());
            record.put(rated.sessionId(), rated.rating());
        }
        return new PersonalModel(learning.posterior(), record);
    }

    /** One rated session as the model learns it. */
    record Rated(String sessionId, double[] features, int rating) {}

    byte[] serialize() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(FeatureMap.VERSION);
            posterior.writeTo(out);
            out.writeInt(learned.size());
            for (Map.Entry<String, Integer> entry : learned.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeByte(entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The model these bytes hold; an {@link UnreadableModelException} if they are of an older or unknown format. */
    static PersonalModel deserialize(byte[] serialized) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new UnreadableModelException("model format " + format + ", expected " + FORMAT);
            }
            int features = in.readInt();
            if (features != FeatureMap.VERSION) {
                throw new UnreadableModelException(
                        "features of version " + features + ", expected " + FeatureMap.VERSION);
            }
            RatingPosterior posterior = RatingPosterior.readFrom(in);
            int count = in.readInt();
            TreeMap<String, Integer> learned = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                learned.put(in.readUTF(), (int) in.readByte());
            }
            if (in.available() > 0) {
                throw new UnreadableModelException("trailing bytes after the model");
            }
            return new PersonalModel(posterior, learned);
        } catch (IOException e) {
            throw new UnreadableModelException("truncated model: " + e.getMessage());
        }
    }

    /** Stored weights that decrypt but are not a model this version can use: rebuilt from the ratings. */
    static final class UnreadableModelException extends IllegalStateException {

        UnreadableModelException(String message) {
            super(message);
        }
    }
}
