package app.brainbuddy.mongo;

import com.mongodb.ConnectionString;

/** Reads {@code MONGODB_URL}, which often names no database (Atlas's copied strings do not). */
final class ConnectionStrings {

    private ConnectionStrings() {}

    static ConnectionString withDefaultDatabase(String url, String database) {
        ConnectionString parsed = new ConnectionString(url);
        if (parsed.getDatabase() != null) {
            return parsed;
        }
        int slash = url.indexOf('/', url.indexOf("://") + 3);
        // the driver has already refused options without a '/' before them, so no '/' means a bare host list
        return new ConnectionString(
                slash < 0 ? url + "/" + database : url.substring(0, slash + 1) + database + url.substring(slash + 1));
    }
}
