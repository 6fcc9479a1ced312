package app.brainbuddy.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's personal model: the posterior over the rating weights and the record of which rating of which session it
 * has learned. The record makes learning exact and idempotent: a rating it already holds changes nothing, a re-rating
 * replaces that session's contribution instead of adding a second one, so the model is always the prior plus one
 * contribution per rated session, whatever the order or repetition of the ratings. {@link #steps()} is the number of
 * distinct sessions learned.
 */
final class PersonalModel {

    /** Format 1 held the posterior alone; a model in it is rebuilt from the ratings. */
    private static final byte FORMAT = 2;

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

    /** The model with this session's rating learned: unchanged if it holds that rating already. */
    PersonalModel learn(String sessionId, double[] features, int rating) {
        Integer before = learned.get(sessionId);
        if (before != null && before == rating) {
            return this;
        }
        TreeMap<String, Integer> record = new TreeMap<>(learned);
        record.put(sessionId, rating);
        RatingPosterior next =
                before == null ? posterior.learn(features, rating) : posterior.relearn(features, before, rating);
        return new PersonalModel(next, record);
    }

    byte[] serialize() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
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
