package app.brainbuddy.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
class GraphQlScalars {

    /**
     * The extended-scalars {@code DateTime} (RFC 3339) over {@link Instant}, the type of every date
     * here: written in UTC, read from any offset.
     */
    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description(ExtendedScalars.DateTime.getDescription())
            .coercing(new InstantCoercing())
            .build();

    @Bean
    RuntimeWiringConfigurer extendedScalars() {
        return wiring -> wiring.scalar(DATE_TIME).scalar(ExtendedScalars.Date).scalar(ExtendedScalars.Json);
    }

    private static final class InstantCoercing implements Coercing<Instant, String> {

        @SuppressWarnings("unchecked")
        private static final Coercing<OffsetDateTime, String> RFC_3339 =
                (Coercing<OffsetDateTime, String>) ExtendedScalars.DateTime.getCoercing();

        @Override
        public @Nullable String serialize(Object value, GraphQLContext context, Locale locale) {
            Object utc = value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value;
            return RFC_3339.serialize(utc, context, locale);
        }

        @Override
        public @Nullable Instant parseValue(Object input, GraphQLContext context, Locale locale) {
            OffsetDateTime parsed = RFC_3339.parseValue(input, context, locale);
            return parsed == null ? null : parsed.toInstant();
        }

        @Override
        public @Nullable Instant parseLiteral(
                Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            OffsetDateTime parsed = RFC_3339.parseLiteral(input, variables, context, locale);
            return parsed == null ? null : parsed.toInstant();
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            Object utc = input instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : input;
            return RFC_3339.valueToLiteral(utc, context, locale);
        }
    }
}
