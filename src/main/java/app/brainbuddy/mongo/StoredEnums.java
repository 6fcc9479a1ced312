package app.brainbuddy.mongo;

import java.util.Locale;

/** Enum values are stored lowercase, as in the existing data: {@code PFC_GYM} is {@code "pfc_gym"}. */
public final class StoredEnums {

    private StoredEnums() {}

    public static String stored(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String stored) {
        return Enum.valueOf(type, stored.toUpperCase(Locale.ROOT));
    }
}
