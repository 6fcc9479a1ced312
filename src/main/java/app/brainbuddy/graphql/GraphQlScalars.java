package app.brainbuddy.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
class GraphQlScalars {

    /** The widest range any date argument accepts; each field may narrow it (events: 2000 to now). */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * The extended-scalars {@code DateTime} (RFC 3339) over {@link Instant}, the type of every date
     * here: written in UTC, read from any offset, and refused outside {@link #EARLIEST} to
     * {@link #LATEST} (years such as -1 or +999999999 overflow date arithmetic downstream).
     */
    static final GraphQLScalarType DATE_TIME = adapted(
            ExtendedScalars.DateTime,
            parsed -> parsed instanceof OffsetDateTime dateTime ? inRange(dateTime.toInstant()) : parsed,
            written -> written instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : written);

    /**
     * The extended-scalars {@code JSON}, with the numbers written in a document's literals as
     * Integer, Long or Double, as variables already arrive: it gives them as BigInteger and
     * BigDecimal, which MongoDB's codecs cannot store.
     */
    static final GraphQLScalarType JSON =
            adapted(ExtendedScalars.Json, GraphQlScalars::plainNumbers, written -> written);

    @Bean
    RuntimeWiringConfigurer extendedScalars() {
        return wiring -> wiring.scalar(DATE_TIME).scalar(ExtendedScalars.Date).scalar(JSON);
    }

    private static GraphQLScalarType adapted(
            GraphQLScalarType extended, UnaryOperator<@Nullable Object> parsed, UnaryOperator<Object> written) {
        @SuppressWarnings("unchecked")
        Coercing<Object, Object> coercing = (Coercing<Object, Object>) extended.getCoercing();
        return GraphQLScalarType.newScalar()
                .name(extended.getName())
                .description(extended.getDescription())
                .coercing(new AdaptedCoercing(coercing, parsed, written))
                .build();
    }

    private static Instant inRange(Instant instant) {
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException(
                    "a DateTime must be between " + EARLIEST + " and " + LATEST + ", not " + instant);
        }
        return instant;
    }

    private static @Nullable Object plainNumbers(@Nullable Object value) {
        if (value instanceof BigInteger number) {
            if (number.bitLength() < Integer.SIZE) {
                return number.intValue();
            }
            return number.bitLength() < Long.SIZE ? (Object) number.longValue() : (Object) number.doubleValue();
        }
        if (value instanceof BigDecimal number) {
            return number.doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, @Nullable Object> copy = new LinkedHashMap<>();
            map.forEach((key, child) -> copy.put(key, plainNumbers(child)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<@Nullable Object> copy = new ArrayList<>();
            list.forEach(child -> copy.add(plainNumbers(child)));
            return copy;
        }
        return value;
    }

    /** An extended scalar's coercing, with what it parses turned into our types and ours turned back before writing. */
    private record AdaptedCoercing(
            Coercing<Object, Object> extended, UnaryOperator<@Nullable Object> parsed, UnaryOperator<Object> written)
            implements Coercing<Object, Object> {

        @Override
        public @Nullable Object serialize(Object value, GraphQLContext context, Locale locale) {
            return extended.serialize(written.apply(value), context, locale);
        }

        @Override
        public @Nullable Object parseValue(Object input, GraphQLContext context, Locale locale) {
            Object value = extended.parseValue(input, context, locale);
            try {
                return parsed.apply(value);
            } catch (IllegalArgumentException outOfRange) {
                throw new CoercingParseValueException(outOfRange.getMessage());
            }
        }

        @Override
        public @Nullable Object parseLiteral(
                Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            Object value = extended.parseLiteral(input, variables, context, locale);
            try {
                return parsed.apply(value);
            } catch (IllegalArgumentException outOfRange) {
                throw new CoercingParseLiteralException(outOfRange.getMessage());
            }
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return extended.valueToLiteral(written.apply(input), context, locale);
        }
    }
}
