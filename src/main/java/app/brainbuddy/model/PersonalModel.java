package app.brainbuddy.model;

import app.brainbuddy.user.Chronotype;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A user's personal model: the posterior over the rating weights and the record of which rating of which session it
 * has learned. It is always the prior plus the user's rated sessions learned oldest first, each earlier rating fading
 * by the same factor per newer one ({@link RatingPosterior#discounted}). With fading, a re-rated or newly synced old
 * session changes the weight of every rating around it, so the model is rebuilt from the ordered ratings whenever its
 * record differs from them: a rating it already holds changes nothing, a re-rating replaces that session's rating, and
 * the model is the same whatever the order or repetition in which the ratings arrived. The one exception is ratings
 * of sessions newer than every one it holds (the usual case: a session rated after it happened): a model that kept
 * where its fold stopped ({@link Resume}) learns them on top, which is the rebuild's own computation from that point,
 * so the same bits. {@link #steps()} is the number of distinct sessions learned.
 */
final class PersonalModel {

    /**
     * Format 1 held the posterior alone, 2 added the record (both with the features of version 1); 3 adds the
     * {@link FeatureMap#VERSION}; 4 has the same layout, learned with {@link Learning}'s change detection from a
     * prior whose variance grows with weak evidence, so a format-3 posterior is not mixed with it; 5 adds the
     * {@link Resume} after the record. A format-4 model is read without it (rebuilt at its next new rating); a model
     * of another format or feature version is rebuilt from the ratings.
     */
    private static final byte FORMAT = 5;

    private static final byte WITHOUT_RESUME = 4;

    private final RatingPosterior posterior;
    private final TreeMap<String, Integer> learned;
    private final @Nullable Resume resume;

    private PersonalModel(RatingPosterior posterior, TreeMap<String, Integer> learned, @Nullable Resume resume) {
        this.posterior = posterior;
        this.learned = learned;
        this.resume = resume;
    }

    /**
     * Where the fold that made a model stopped, so that newer ratings can be learned on top of it: what the model was
     * built from besides the ratings ({@link #basis}) and the change detection's {@link Learning.Runs}.
     */
    record Resume(long basis, Learning.Runs runs) {}

    /** A model that has learned nothing beyond this prior. */
    static PersonalModel from(RatingPosterior prior) {
        return new PersonalModel(prior, new TreeMap<>(), null);
    }

    /**
     * A fingerprint of what a model is built from besides the rated sessions: the prior, the fading and the owner's
     * chronotype (each session's timing feature depends on it). A model continues only on the same basis; a changed
     * knowledge base, setting or chronotype makes the next new rating rebuild it.
     */
    static long basis(RatingPosterior prior, double keep, Chronotype chronotype) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                prior.writeTo(out);
                out.writeDouble(keep);
                out.writeUTF(chronotype.name());
            }
            return ByteBuffer.wrap(sha256.digest(bytes.toByteArray())).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
     * {@code basis} is what it is built from besides them ({@link #basis}).
     */
    static PersonalModel rebuild(RatingPosterior prior, List<Rated> oldestFirst, double keep, long basis) {
        return learnOnto(new Learning(prior, keep), new TreeMap<>(), oldestFirst, basis);
    }

    /**
     * This model having learned the ratings of {@code oldestFirst} it does not hold, when that gives the same bits as
     * {@link #rebuild}: it was built on the same basis, kept where its fold stopped, and holds exactly the first of
     * them with the same ratings, so the rest are newer than all it learned. Empty otherwise: rebuild it.
     */
    Optional<PersonalModel> continued(RatingPosterior prior, List<Rated> oldestFirst, double keep, long basis) {
        int held = learned.size();
        if (resume == null || resume.basis() != basis || oldestFirst.size() <= held) {
            return Optional.empty();
        }
        for (Rated rated : oldestFirst.subList(0, held)) {
            if (!Integer.valueOf(rated.rating()).equals(learned.get(rated.sessionId()))) {
                return Optional.empty();
            }
        }
        List<Learning.Step> taken = oldestFirst.subList(held - resume.runs().longest(), held).stream()
                .map(Rated::step)
                .toList();
        Learning learning = Learning.resumed(prior, keep, posterior, resume.runs(), taken);
        return Optional.of(
                learnOnto(learning, new TreeMap<>(learned), oldestFirst.subList(held, oldestFirst.size()), basis));
    }

    private static PersonalModel learnOnto(
            Learning learning, TreeMap<String, Integer> record, List<Rated> oldestFirst, long basis) {
        for (Rated rated : oldestFirst) {
            learning.learn(rated.features(), rated.rating());
            record.put(rated.sessionId(), rated.rating());
        }
        return new PersonalModel(learning.posterior(), record, new Resume(basis, learning.runs()));
    }

    /** One rated session as the model learns it. */
    record Rated(String sessionId, double[] features, int rating) {

        Learning.Step step() {
            return new Learning.Step(features, rating);
        }
    }

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
            out.writeBoolean(resume != null);
            if (resume != null) {
                out.writeLong(resume.basis());
                out.writeDouble(resume.runs().lowerSum());
                out.writeInt(resume.runs().lowerSteps());
                out.writeDouble(resume.runs().higherSum());
                out.writeInt(resume.runs().higherSteps());
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
            if (format != FORMAT && format != WITHOUT_RESUME) {
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
            Resume resume = format == FORMAT && in.readBoolean() ? readResume(in, count) : null;
            if (in.available() > 0) {
                throw new UnreadableModelException("trailing bytes after the model");
            }
            return new PersonalModel(posterior, learned, resume);
        } catch (IOException e) {
            throw new UnreadableModelException("truncated model: " + e.getMessage());
        }
    }

    private static Resume readResume(DataInputStream in, int learned) throws IOException {
        long basis = in.readLong();
        Learning.Runs runs = new Learning.Runs(in.readDouble(), in.readInt(), in.readDouble(), in.readInt());
        if (runs.lowerSteps() < 0 || runs.higherSteps() < 0 || runs.longest() > learned) {
            throw new UnreadableModelException("change-detection runs longer than the ratings learned");
        }
        return new Resume(basis, runs);
    }

    /** Stored weights that decrypt but are not a model this version can use: rebuilt from the ratings. */
    static final class UnreadableModelException extends IllegalStateException {

        UnreadableModelException(String message) {
            super(message);
        }
    }
}
