package app.brainbuddy.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The directory layout of {@code mongodump}, written and read without it: {@code <db>/<collection>.bson}
 * (the documents, back to back) and {@code <collection>.metadata.json} (the indexes). So
 * {@code mongorestore} moves the embedded database to Atlas, and a dump of Atlas seeds the embedded
 * one.
 */
public final class MongoDumpFormat {

    private static final String BSON = ".bson";
    private static final String METADATA = ".metadata.json";

    private MongoDumpFormat() {}

    /** Dumps every collection of the database under {@code directory/<db>}; answers the document counts. */
    public static Map<String, Long> dump(MongoDatabase database, Path directory) {
        List<String> collections = new ArrayList<>();
        database.listCollectionNames().into(collections);
        collections.removeIf(name -> name.startsWith("system."));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : collections.stream().sorted().toList()) {
            counts.put(name, database.getCollection(name).countDocuments());
        }
        if (counts.values().stream().mapToLong(Long::longValue).sum() == 0) {
            throw new DumpException("Database " + database.getName() + " holds no documents: there is nothing to dump");
        }
        Path target = directory.resolve(database.getName());
        try {
            Files.createDirectories(target);
            for (String name : counts.keySet()) {
                MongoCollection<RawBsonDocument> collection = database.getCollection(name, RawBsonDocument.class);
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target.resolve(name + BSON)))) {
                    for (RawBsonDocument document : collection.find()) {
                        ByteBuffer bytes = document.getByteBuffer().asNIO();
                        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
                    }
                }
                Files.writeString(target.resolve(name + METADATA), metadata(database, name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the dump to " + target, e);
        }
        return counts;
    }

    /**
     * Restores a dump into the database. Every document is decoded and every file checked before
     * anything is written; collections that already hold documents are refused unless {@code drop}
     * replaces them. Answers the document counts restored.
     */
    public static Map<String, Long> restore(MongoDatabase database, Path directory, boolean drop) {
        Path source = databaseDirectory(directory, database.getName());
        Map<String, List<RawBsonDocument>> collections = new LinkedHashMap<>();
        Map<String, List<BsonDocument>> indexes = new LinkedHashMap<>();
        for (Path file : files(source, BSON)) {
            String name = file.getFileName().toString().replaceFirst("\\.bson$", "");
            if (!name.startsWith("system.")) {
                collections.put(name, documents(file));
                indexes.put(name, indexes(source.resolve(name + METADATA)));
            }
        }
        if (collections.isEmpty()) {
            throw new DumpException("No .bson files in " + source + ": not a mongodump directory");
        }
        List<String> occupied = collections.keySet().stream()
                .filter(name -> database.getCollection(name).countDocuments() > 0)
                .toList();
        if (!occupied.isEmpty() && !drop) {
            throw new DumpException("These collections already hold documents: " + occupied
                    + "; nothing was restored. Restore into an empty database, or add --drop to replace them");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<String, List<RawBsonDocument>> collection : collections.entrySet()) {
            try {
                write(database, collection.getKey(), collection.getValue(), indexes.get(collection.getKey()), drop);
            } catch (RuntimeException e) {
                throw new DumpException("The database failed while collection " + collection.getKey()
                        + " was restored (" + e.getMessage() + "); already restored: " + counts.keySet()
                        + ". The database is partly restored: run the restore again with --drop");
            }
            counts.put(collection.getKey(), (long) collection.getValue().size());
        }
        return counts;
    }

    private static void write(
            MongoDatabase database,
            String name,
            List<RawBsonDocument> documents,
            List<BsonDocument> indexes,
            boolean drop) {
        MongoCollection<RawBsonDocument> collection = database.getCollection(name, RawBsonDocument.class);
        if (drop) {
            collection.drop();
        }
        for (BsonDocument index : indexes) {
            createIndex(database, name, index);
        }
        if (!documents.isEmpty()) {
            collection.insertMany(documents);
        }
    }

    private static String metadata(MongoDatabase database, String collection) {
        BsonArray indexes = new BsonArray();
        database.getCollection(collection).listIndexes(BsonDocument.class).forEach(indexes::add);
        BsonDocument metadata = new BsonDocument("options", new BsonDocument())
                .append("indexes", indexes)
                .append("collectionName", new BsonString(collection))
                .append("type", new BsonString("collection"));
        return metadata.toJson(
                JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build());
    }

    private static void createIndex(MongoDatabase database, String collection, BsonDocument index) {
        if ("_id_".equals(index.getString("name", new BsonString("")).getValue())) {
            return;
        }
        BsonDocument spec = index.clone();
        spec.remove("v");
        spec.remove("ns");
        database.runCommand(new BsonDocument("createIndexes", new BsonString(collection))
                .append("indexes", new BsonArray(List.of(spec))));
    }

    /** Every document of the file, each decoded once to prove it whole; ids must be unique. */
    private static List<RawBsonDocument> documents(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        List<RawBsonDocument> documents = new ArrayList<>();
        Set<BsonValue> ids = new HashSet<>();
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.remaining() > 0) {
            int offset = buffer.position();
            int length = buffer.remaining() >= 4 ? buffer.getInt(offset) : -1;
            if (length < 5 || length > buffer.remaining() || bytes[offset + length - 1] != 0) {
                throw damaged(file, documents.size(), offset, "truncated or damaged");
            }
            RawBsonDocument document = new RawBsonDocument(bytes, offset, length);
            BsonDocument decoded;
            try {
                decoded = document.decode(new BsonDocumentCodec());
            } catch (RuntimeException e) {
                throw damaged(file, documents.size(), offset, "damaged");
            }
            if (decoded.containsKey("_id") && !ids.add(decoded.get("_id"))) {
                throw damaged(file, documents.size(), offset, "holds a duplicate _id");
            }
            documents.add(document);
            buffer.position(offset + length);
        }
        return documents;
    }

    private static DumpException damaged(Path file, int documents, int offset, String problem) {
        return new DumpException(file + " is " + problem + " after " + documents + " documents (at byte " + offset
                + "); nothing was restored");
    }

    private static List<BsonDocument> indexes(Path metadata) {
        if (!Files.exists(metadata)) {
            return List.of();
        }
        try {
            BsonDocument parsed = BsonDocument.parse(Files.readString(metadata));
            return parsed.getArray("indexes", new BsonArray()).stream()
                    .map(value -> value.asDocument())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + metadata, e);
        } catch (RuntimeException e) {
            throw new DumpException(metadata + " is not valid metadata JSON; nothing was restored");
        }
    }

    /**
     * The folder of the database's collections: the dump's folder of that name, or the given folder
     * when it holds the collections itself, or the dump's only database folder.
     */
    private static Path databaseDirectory(Path directory, String database) {
        if (!Files.isDirectory(directory)) {
            throw new DumpException(directory + " is not a directory");
        }
        if (Files.isDirectory(directory.resolve(database))) {
            return directory.resolve(database);
        }
        if (files(directory, BSON).stream()
                .anyMatch(file -> !file.getFileName().toString().equals("oplog.bson"))) {
            return directory;
        }
        List<Path> databases;
        try (Stream<Path> children = Files.list(directory)) {
            databases = children.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory, e);
        }
        if (databases.size() != 1) {
            throw new DumpException(directory + " holds " + databases.size() + " database folders and none is named "
                    + database + ": give the folder of the database to restore");
        }
        return databases.get(0);
    }

    private static List<Path> files(Path directory, String suffix) {
        try (Stream<Path> children = Files.list(directory)) {
            return children.filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory, e);
        }
    }

    /** A dump or restore that cannot be done, with a message for the person who ran it. */
    public static final class DumpException extends RuntimeException {

        DumpException(String message) {
            super(message);
        }
    }
}
