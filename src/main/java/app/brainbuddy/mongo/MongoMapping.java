package app.brainbuddy.mongo;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.DefaultMongoTypeMapper;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * Documents look exactly like the existing data: enum values lowercase ({@code "bear"},
 * {@code "pfc_gym"}) while GraphQL and Java use the constants' upper-case names, and no
 * {@code _class} field, since no collection holds more than one type.
 */
@Configuration(proxyBeanMethods = false)
class MongoMapping {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new EnumToLowercase(), new LowercaseToEnum()));
    }

    @Bean
    MappingMongoConverter mappingMongoConverter(
            MongoDatabaseFactory factory, MongoMappingContext mappingContext, MongoCustomConversions conversions) {
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), mappingContext);
        converter.setCustomConversions(conversions);
        converter.setTypeMapper(new DefaultMongoTypeMapper(null));
        return converter;
    }

    @WritingConverter
    static final class EnumToLowercase implements GenericConverter {

        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return Set.of(new ConvertiblePair(Enum.class, String.class));
        }

        @Override
        public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null ? null : StoredEnums.stored((Enum<?>) source);
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
            return source == null ? null : StoredEnums.parse((Class) targetType.getType(), (String) source);
        }
    }
}
