import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The upload benchmark's two sides, alternated in one warm JVM so that both see the same machine at the same time:
 * "raw" puts the file straight into S3 with the MinIO SDK as a multipart upload (parts of PART_MB, one at a time, as
 * the SDK does), "api" uploads it through POST /api/v1/achievements/{id}/documents (multipart/form-data with a
 * Content-Length, like curl -F). Run by scripts/bench/upload.sh with the backend's own libraries on the class path:
 *   java -cp 'lib/*' UploadRatio.java API_URL TOKEN ACHIEVEMENT_ID S3_URL ACCESS SECRET BUCKET FILE ROUNDS PART_MB
 * Prints one line per round ("round n raw_ms api_ms") and a summary line ("median raw_ms api_ms ratio").
 */
public class UploadRatio {
    public static void main(String[] a) throws Exception {
        String api = a[0], token = a[1], achievement = a[2];
        Path file = Path.of(a[7]);
        int rounds = Integer.parseInt(a[8]);
        long part = Long.parseLong(a[9]) * 1024 * 1024;
        MinioClient s3 = MinioClient.builder().endpoint(a[3]).credentials(a[4], a[5]).region("us-east-1").build();
        HttpClient http = HttpClient.newHttpClient();
        String bucket = a[6];
        long size = Files.size(file);
        raw(s3, bucket, file, size, part, "bench-raw/warm-up"); // both sides warm before anything is timed
        api(http, api, token, achievement, file);
        List<Long> raws = new ArrayList<>();
        List<Long> apis = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            long rawMs = raw(s3, bucket, file, size, part, "bench-raw/round-" + r);
            long apiMs = api(http, api, token, achievement, file);
            raws.add(rawMs);
            apis.add(apiMs);
            System.out.printf("round %d %d %d%n", r, rawMs, apiMs);
        }
        long raw = median(raws), up = median(apis);
        System.out.printf("median %d %d %.2f%n", raw, up, (double) raw / up);
    }

    static long raw(MinioClient s3, String bucket, Path file, long size, long part, String key) throws Exception {
        long t0 = System.nanoTime();
        try (InputStream in = Files.newInputStream(file)) {
            s3.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(in, size, part).build());
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        s3.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        return ms;
    }

    static long api(HttpClient http, String api, String token, String achievement, Path file) throws Exception {
        String boundary = "benchBoundary" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"confidentiality\"\r\n\r\nCONFIDENTIAL\r\n--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/api/v1/achievements/" + achievement + "/documents"))
            .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head), HttpRequest.BodyPublishers.ofFile(file),
                HttpRequest.BodyPublishers.ofByteArray(tail))).build();
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (r.statusCode() != 201) throw new IllegalStateException("upload answered " + r.statusCode() + ": " + r.body());
        String id = r.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        http.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/documents/" + id)).header("Authorization", "Bearer " + token).DELETE().build(),
            HttpResponse.BodyHandlers.discarding());
        return ms;
    }

    static long median(List<Long> values) {
        long[] v = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
