package io.ttx.bench;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.ttx.catalogue.AchievementForm;
import io.ttx.catalogue.AchievementInput;
import io.ttx.catalogue.ListingStatus;
import io.ttx.catalogue.LocalizedText;
import io.ttx.catalogue.Money;
import io.ttx.catalogue.Stage;
import io.ttx.catalogue.TechField;
import io.ttx.catalogue.TradeMethod;
import io.ttx.catalogue.TransferMode;
import io.ttx.catalogue.persistence.AchievementDocument;
import io.ttx.catalogue.rules.Ipc;
import io.ttx.demodata.Bilingual;
import io.ttx.demodata.DemoCatalogue;
import io.ttx.demodata.Topic;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The benchmark's generated catalogue: N published achievements made from the demo-data topics with a fixed seed,
 * written straight into MongoDB as the catalogue stores them (Spring Data's mapping converter, {@code insertMany} of
 * 1,000), so that the admin reindex can then build the index from them.
 */
final class GeneratedAchievements {
    private static final List<String> OWNERS = List.of("12330100202400137X", "12320100202400274Y", "91310000202400411K", "12330100202400548M");
    /** Regions the generated records are in (the queries filter by some of them). */
    static final List<String> REGIONS = List.of("310000", "320100", "320500", "330100", "330200", "340100", "110000",
        "440300", "420100", "510100", "610100", "370200", "120000", "500000", "430100", "350200");

    private GeneratedAchievements() { }

    /** Inserts {@code n} achievements; ids {@code ach_} + the number, zero-padded (they sort apart from the API's ids). */
    static void insert(String mongoUri, String database, int n, long seed) {
        MappingMongoConverter converter = converter();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Random rnd = new Random(seed);
        List<Topic> topics = DemoCatalogue.topics();
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            MongoCollection<Document> achievements = mongo.getDatabase(database).getCollection("achievements");
            List<Document> batch = new ArrayList<>(1000);
            for (int i = 0; i < n; i++) {
                Document d = new Document();
                converter.write(achievement(i, rnd, topics, now), d);
                batch.add(d);
                if (batch.size() == 1000 || i == n - 1) {
                    Mono.from(achievements.insertMany(batch)).block(Duration.ofMinutes(2));
                    batch = new ArrayList<>(1000);
                }
                if ((i + 1) % 20_000 == 0) SearchBench.say("inserted %d", i + 1);
            }
        }
    }

    /** Spring Data's converter configured as Boot configures the backend's (no custom conversions). */
    private static MappingMongoConverter converter() {
        MongoCustomConversions conversions = MongoCustomConversions.create(adapter -> { });
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }

    /**
     * One published achievement, as the catalogue stores it after create, submit and approve: a title from a topic's
     * approach x subject x kind (x application domain), its problem, advantage and indicators, three of its keywords
     * and now and then one of another topic of the same field, a TRL, region, offer and price drawn at random.
     */
    static AchievementDocument achievement(int i, Random rnd, List<Topic> topics, Instant now) {
        Topic t = topics.get(rnd.nextInt(topics.size()));
        Bilingual approach = pick(rnd, t.approaches());
        Bilingual kind = pick(rnd, t.kinds());
        Bilingual app = rnd.nextInt(4) == 0 ? null : pick(rnd, t.apps());
        String titleZh = (app == null ? "" : "面向" + app.zh() + "的") + approach.zh() + t.subject().zh() + kind.zh();
        String titleEn = capitalise(approach.en() + " " + t.subject().en() + " " + kind.en()) + (app == null ? "" : " for " + app.en());
        int trl = 1 + rnd.nextInt(9);
        Stage stage = Stage.valueOf(DemoCatalogue.stageOf(trl));
        String summaryZh = "本成果提出一种" + titleZh + "。" + t.problem().zh() + t.advantage().zh() + "目前处于TRL " + trl + "。";
        String summaryEn = "Technology on offer: " + titleEn + ". " + t.problem().en() + " " + t.advantage().en() + " TRL " + trl + ".";
        List<String> keywords = new ArrayList<>();
        List<Bilingual> kw = new ArrayList<>(t.keywords());
        Collections.shuffle(kw, rnd);
        List<Bilingual> chosen = new ArrayList<>(kw.subList(0, Math.min(3, kw.size())));
        if (rnd.nextInt(5) == 0) {
            List<Topic> sameField = topics.stream().filter(o -> o.field() == t.field() && o != t).toList();
            if (!sameField.isEmpty()) chosen.add(pick(rnd, pick(rnd, sameField).keywords()));
        }
        chosen.forEach(k -> keywords.add(k.zh()));
        chosen.forEach(k -> keywords.add(k.en()));
        List<String> ipc = t.ipcCodes().stream().map(Ipc::normalise).toList();
        List<TransferMode> modes = new ArrayList<>();
        int nModes = 1 + rnd.nextInt(3);
        while (modes.size() < nModes) {
            TransferMode m = pick(rnd, List.of(TransferMode.values()));
            if (!modes.contains(m)) modes.add(m);
        }
        double r = rnd.nextDouble();
        TradeMethod method = r < 0.35 ? TradeMethod.FIXED_PRICE : r < 0.75 ? TradeMethod.NEGOTIATED : r < 0.90 ? TradeMethod.AUCTION : TradeMethod.TENDER;
        Long priceYuan = rnd.nextDouble() < 0.2 ? null
            : trl <= 3 ? 50_000L + 10_000L * rnd.nextInt(46) : trl <= 6 ? 300_000L + 10_000L * rnd.nextInt(271) : 1_000_000L + 50_000L * rnd.nextInt(381);
        AchievementForm form = AchievementForm.valueOf(pick(rnd, t.forms()));
        AchievementInput.Offer offer = new AchievementInput.Offer(modes, method,
            priceYuan == null ? null : new Money(priceYuan + ".00", "CNY"), null, null);
        AchievementInput content = new AchievementInput(new LocalizedText(titleZh, titleEn), new LocalizedText(summaryZh, summaryEn),
            t.problem().zh() + "\n" + t.problem().en(), t.advantage().zh() + "\n" + t.advantage().en(),
            t.indicators().zh() + "\n" + t.indicators().en(), t.applications().zh() + "\n" + t.applications().en(), null,
            keywords, TechField.valueOf(t.field().name()), ipc, t.industryCode(), pick(rnd, REGIONS), trl, stage, form, null,
            null, null, null, false, null, null, offer);
        Instant published = now.minus(rnd.nextInt(300 * 24 * 60), ChronoUnit.MINUTES);
        String id = "ach_" + String.format(Locale.ROOT, "%020d", i);
        return new AchievementDocument(id, OWNERS.get(i % OWNERS.size()), "bench", ListingStatus.PUBLISHED, 3, published, published,
            published, published.plus(365, ChronoUnit.DAYS), content, priceYuan == null ? null : priceYuan * 100, null, null, List.of(), List.of());
    }

    private static <T> T pick(Random rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
