package io.ttx.demodata;

import io.ttx.demodata.DemoAchievement.Contact;
import io.ttx.demodata.DemoAchievement.Inventor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Invented people: inventors with shares that obey the backend rule (at most two decimals, sum exactly 100) and
 * the contact of each owning demo client. Names are common Chinese names, some written in pinyin as foreign
 * co-inventors and English forms would be; mail domains are example.edu.cn (RFC 2606 style, never delivered).
 */
final class People {
    private static final String[][] NAMES = {
        {"王明", "Wang Ming"}, {"李华", "Li Hua"}, {"张伟", "Zhang Wei"}, {"刘洋", "Liu Yang"}, {"陈静", "Chen Jing"},
        {"杨帆", "Yang Fan"}, {"赵磊", "Zhao Lei"}, {"黄丽", "Huang Li"}, {"周涛", "Zhou Tao"}, {"吴敏", "Wu Min"},
        {"徐斌", "Xu Bin"}, {"孙悦", "Sun Yue"}, {"马骏", "Ma Jun"}, {"朱琳", "Zhu Lin"}, {"胡杰", "Hu Jie"},
        {"郭婷", "Guo Ting"}, {"何平", "He Ping"}, {"林峰", "Lin Feng"}, {"高翔", "Gao Xiang"}, {"罗薇", "Luo Wei"},
        {"郑凯", "Zheng Kai"}, {"梁晨", "Liang Chen"}, {"谢宇", "Xie Yu"}, {"宋佳", "Song Jia"}, {"唐亮", "Tang Liang"},
        {"韩雪", "Han Xue"}, {"冯刚", "Feng Gang"}, {"邓颖", "Deng Ying"}, {"曹阳", "Cao Yang"}, {"彭博", "Peng Bo"},
    };
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private People() { }

    /** 1-4 distinct people, as {zh, pinyin} pairs; the first is the lead inventor. */
    static List<String[]> pick(Random rnd) {
        double r = rnd.nextDouble();
        int n = r < 0.25 ? 1 : r < 0.60 ? 2 : r < 0.85 ? 3 : 4;
        List<String[]> out = new ArrayList<>();
        while (out.size() < n) {
            String[] name = NAMES[rnd.nextInt(NAMES.length)];
            if (!out.contains(name)) out.add(name);
        }
        return out;
    }

    /** Inventors with shares summing to exactly 100: either multiples of 5 or an equal split in hundredths. */
    static List<Inventor> inventors(List<String[]> people, Random rnd) {
        int n = people.size();
        long[] hundredths = new long[n];
        if (n > 1 && rnd.nextDouble() < 0.6) {
            int[] units = new int[n];
            Arrays.fill(units, 1);
            for (int left = 20 - n; left > 0; left--) units[rnd.nextInt(n)]++;
            int[] sorted = Arrays.stream(units).boxed().sorted(Comparator.reverseOrder()).mapToInt(i -> i).toArray();
            for (int i = 0; i < n; i++) hundredths[i] = sorted[i] * 500L;
        } else {
            for (int i = 0; i < n; i++) hundredths[i] = 10_000L / n;
            hundredths[0] += 10_000L % n;
        }
        List<Inventor> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean pinyin = i > 0 && rnd.nextDouble() < 0.2;
            String name = pinyin ? people.get(i)[1] : people.get(i)[0];
            long h = hundredths[i];
            out.add(new Inventor(name, h % 100 == 0 ? BigDecimal.valueOf(h / 100) : BigDecimal.valueOf(h, 2)));
        }
        if (out.stream().map(Inventor::share).reduce(BigDecimal.ZERO, BigDecimal::add).compareTo(HUNDRED) != 0) {
            throw new IllegalStateException("inventor shares do not sum to 100: " + out);
        }
        return out;
    }

    /** The contact shown after an NDA: the office of a TTO client, or the lead inventor of a researcher client. */
    static Contact contact(String owner, String[] lead, Random rnd) {
        String extension = String.format("%04d", rnd.nextInt(10_000));
        return switch (owner) {
            case "tto" -> new Contact("张老师", "tto@example.edu.cn", "+86-571-8898-1200");
            case "tto-2" -> new Contact("陈老师", "tto@nj.example.edu.cn", "+86-25-8331-5600");
            case "researcher-2" -> new Contact(lead[0] + "老师", mailbox(lead) + "@js.example.edu.cn", "+86-25-8479-" + extension);
            default -> new Contact(lead[0] + "老师", mailbox(lead) + "@example.edu.cn", "+86-571-8795-" + extension);
        };
    }

    private static String mailbox(String[] name) {
        String[] parts = name[1].toLowerCase(Locale.ROOT).split(" ");
        return parts[1] + "." + parts[0];
    }
}
