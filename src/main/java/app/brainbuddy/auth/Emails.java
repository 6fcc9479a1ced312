package app.brainbuddy.auth;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

final class Emails {

    private Emails() {}

    /** One spelling per address, so that the unique index sees "A@x.org " and "a@x.org" as the same. */
    static @Nullable String normalize(@Nullable String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
