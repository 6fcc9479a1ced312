package app.brainbuddy.session;

import app.brainbuddy.mongo.StoredEnums;
import app.brainbuddy.user.StatsScope;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationExpression;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.aggregation.DateOperators;
import org.springframework.data.mongodb.core.aggregation.Fields;
import org.springframework.data.mongodb.core.aggregation.GroupOperation;
import org.springframework.data.mongodb.core.aggregation.TypedAggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Session statistics for many users in one aggregation per distinct period: a {@code $match} on the
 * users and the period, then a {@code $facet} that groups by module, by brainwave target and by UTC
 * day. It is a {@link TypedAggregation} of {@link TrainingSession}: it names properties, and Spring
 * Data maps them to the stored names. Days are folded into ISO weeks here, since {@code $isoWeek} and {@code $dateTrunc} are missing
 * on the embedded server. Averages are computed from sums and counts of rated sessions, so sessions
 * without a rating never count as zero on either backend.
 */
@Component
class SessionStatsStore {

    private final MongoTemplate mongo;

    SessionStatsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A period of statistics, the part of a scope that decides the query. */
    private record Period(@Nullable Instant from, @Nullable Instant to) {}

    Map<StatsScope, SessionTotals> totals(Collection<StatsScope> scopes) {
        Map<Period, List<StatsScope>> byPeriod =
                scopes.stream().collect(Collectors.groupingBy(scope -> new Period(scope.from(), scope.to())));
        Map<StatsScope, SessionTotals> totals = new HashMap<>();
        byPeriod.forEach((period, sameperiod) -> {
            Map<String, SessionTotals> byUser = aggregate(
                    sameperiod.stream().map(StatsScope::userId).distinct().toList(), period);
            sameperiod.forEach(scope -> totals.put(scope, byUser.getOrDefault(scope.userId(), SessionTotals.NONE)));
        });
        return totals;
    }

    private Map<String, SessionTotals> aggregate(List<String> userIds, Period period) {
        Criteria match = Criteria.where("userId").in(userIds);
        if (period.from() != null || period.to() != null) {
            Criteria timestamp = match.and("timestamp");
            if (period.from() != null) {
                timestamp.gte(period.from());
            }
            if (period.to() != null) {
                timestamp.lt(period.to());
            }
        }
        TypedAggregation<TrainingSession> aggregation = Aggregation.newAggregation(
                TrainingSession.class,
                Aggregation.match(match),
                Aggregation.facet(group("moduleType"))
                        .as("byModule")
                        .and(Aggregation.match(Criteria.where("brainwaveTarget").ne(null)), group("brainwaveTarget"))
                        .as("byTarget")
                        .and(
                                Aggregation.project("userId", "durationSeconds", "userRating", "effectivenessScore")
                                        .and(DateOperators.DateToString.dateOf("timestamp")
                                                .toString("%Y-%m-%d"))
                                        .as("day"),
                                group("day"))
                        .as("byDay"));
        Document facets = mongo.aggregate(aggregation, Document.class).getUniqueMappedResult();
        Map<String, List<ModuleStats>> byModule =
                groups(facets, "byModule", (key, sums) -> sums.toModule(StoredEnums.parse(ModuleType.class, key)));
        Map<String, List<TargetStats>> byTarget =
                groups(facets, "byTarget", (key, sums) -> sums.toTarget(StoredEnums.parse(BrainwaveTarget.class, key)));
        Map<String, List<WeekStats>> weekly = weekly(facets);
        return userIds.stream()
                .collect(Collectors.toMap(
                        userId -> userId,
                        userId -> new SessionTotals(
                                byModule.getOrDefault(userId, List.of()),
                                byTarget.getOrDefault(userId, List.of()),
                                weekly.getOrDefault(userId, List.of()))));
    }

    /** Groups per user and key: counts, seconds, and sums and counts of ratings and effectiveness. */
    private static GroupOperation group(String key) {
        return Aggregation.group(Fields.from(Fields.field("user", "userId"), Fields.field("key", key)))
                .count()
                .as("count")
                .sum("durationSeconds")
                .as("seconds")
                .sum(oneIfPresent("userRating"))
                .as("rated")
                .sum(ConditionalOperators.ifNull("userRating").then(0))
                .as("ratingSum")
                .sum(oneIfPresent("effectivenessScore"))
                .as("scored")
                .sum(ConditionalOperators.ifNull("effectivenessScore").then(0))
                .as("scoreSum");
    }

    /**
     * 1 when the session has a value, 0 when it is null or missing. Written out rather than with
     * {@code ConditionalOperators}, which cannot compare with null: {@code $ifNull} first makes a
     * missing field null, since the embedded server's {@code $eq} tells missing from null.
     */
    private static AggregationExpression oneIfPresent(String property) {
        return context -> {
            Document valueOrNull = new Document(
                    "$ifNull", Arrays.asList(context.getReference(property).toString(), null));
            return new Document("$cond", List.of(new Document("$eq", Arrays.asList(valueOrNull, null)), 0, 1));
        };
    }

    /** Each user's groups of one facet, the most frequent first. */
    private static <T> Map<String, List<T>> groups(Document facets, String facet, BiFunction<String, Sums, T> toStats) {
        List<Document> mostFrequentFirst = new ArrayList<>(facets.getList(facet, Document.class));
        mostFrequentFirst.sort(Comparator.comparingInt(
                        (Document group) -> Sums.number(group, "count").intValue())
                .reversed());
        Map<String, List<T>> groups = new HashMap<>();
        for (Document group : mostFrequentFirst) {
            Document id = group.get("_id", Document.class);
            groups.computeIfAbsent(id.getString("user"), user -> new ArrayList<>())
                    .add(toStats.apply(id.getString("key"), Sums.of(group)));
        }
        return groups;
    }

    /** Each user's days folded into ISO weeks ({@code 2026-W48}), oldest first. */
    private static Map<String, List<WeekStats>> weekly(Document facets) {
        Map<String, Map<String, Sums>> weeks = new HashMap<>();
        // users of one request share most days: each day is parsed and named once
        Map<String, String> weekOfDay = new HashMap<>();
        for (Document group : facets.getList("byDay", Document.class)) {
            Document id = group.get("_id", Document.class);
            String week = weekOfDay.computeIfAbsent(id.getString("key"), SessionStatsStore::isoWeek);
            weeks.computeIfAbsent(id.getString("user"), user -> new TreeMap<>())
                    .merge(week, Sums.of(group), Sums::plus);
        }
        Map<String, List<WeekStats>> weekly = new HashMap<>();
        weeks.forEach((user, sums) -> weekly.put(
                user,
                sums.entrySet().stream()
                        .map(entry -> entry.getValue().toWeek(entry.getKey()))
                        .toList()));
        return weekly;
    }

    /** The ISO week of a day given as {@code yyyy-MM-dd}, as {@code 2026-W48}. */
    static String isoWeek(String day) {
        LocalDate date = LocalDate.parse(day);
        int week = date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return date.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
    }

    /** The sums of one group as the pipeline returns them. */
    private record Sums(int count, long seconds, int rated, double ratingSum, int scored, double scoreSum) {

        static Sums of(Document group) {
            return new Sums(
                    number(group, "count").intValue(),
                    number(group, "seconds").longValue(),
                    number(group, "rated").intValue(),
                    number(group, "ratingSum").doubleValue(),
                    number(group, "scored").intValue(),
                    number(group, "scoreSum").doubleValue());
        }

        private static Number number(Document group, String field) {
            return group.get(field, Number.class);
        }

        Sums plus(Sums other) {
            return new Sums(
                    count + other.count,
                    seconds + other.seconds,
                    rated + other.rated,
                    ratingSum + other.ratingSum,
                    scored + other.scored,
                    scoreSum + other.scoreSum);
        }

        ModuleStats toModule(ModuleType moduleType) {
            return new ModuleStats(moduleType, count, seconds, averageRating(), averageEffectiveness());
        }

        TargetStats toTarget(BrainwaveTarget target) {
            return new TargetStats(target, count, seconds, averageRating(), averageEffectiveness());
        }

        WeekStats toWeek(String week) {
            return new WeekStats(week, count, averageRating());
        }

        private @Nullable Double averageRating() {
            return rated == 0 ? null : ratingSum / rated;
        }

        private @Nullable Double averageEffectiveness() {
            return scored == 0 ? null : scoreSum / scored;
        }
    }
}
