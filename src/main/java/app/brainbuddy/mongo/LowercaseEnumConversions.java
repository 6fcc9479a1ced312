package app.brainbuddy.mongo;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * The existing data stores enum values lowercase ({@code "bear"}, {@code "pfc_gym"}); GraphQL and
 * Java use the constants' upper-case names. These converters translate for every enum, in documents
 * and in queries alike.
 */
@Configuration(proxyBeanMethods = false)
class LowercaseEnumConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new EnumToLowercase(), new LowercaseToEnum()));
    }

    @WritingConverter
    static final class EnumToLowercase implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(Enum.class, String.class));
        }

        @Override
        public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null ? null : ((Enum<?>) source).name().toLowerCase(Locale.ROOT);
        }
    }

    @ReadingConverter
    static final class LowercaseToEnum implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(String.class, Enum.class));
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null
                    ? null
                    : Enum.valueOf((Class) targetType.getType(), ((String) source).toUpperCase(Locale.ROOT));
        }
    }
}
