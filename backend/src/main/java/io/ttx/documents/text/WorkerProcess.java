package io.ttx.documents.text;

import org.springframework.util.unit.DataSize;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/** One running {@link ExtractionWorker} JVM and its pipes; killed on any doubt, never reused after an error. */
final class WorkerProcess {
    /** How to start a worker: this JVM's java and class path, so the worker runs exactly the backend's Tika. */
    @FunctionalInterface
    interface Launch {
        WorkerProcess start() throws IOException;
    }

    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream answers;

    private WorkerProcess(Process process) {
        this.process = process;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.answers = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    static Launch launch(DataSize heap) {
        List<String> command = command(heap);
        return () -> new WorkerProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    /**
     * From the packaged backend (one Spring Boot jar) the worker starts through Boot's PropertiesLauncher, which reads
     * the jar's nested libraries; from a plain class path (tests, IDE) directly.
     */
    static List<String> command(DataSize heap) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + heap.toMegabytes() + "m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true"));
        String classPath = System.getProperty("java.class.path");
        if (bootJar(classPath)) {
            command.addAll(List.of("-Dloader.main=" + ExtractionWorker.class.getName(), "-cp", classPath,
                "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            command.addAll(List.of("-cp", classPath, ExtractionWorker.class.getName()));
        }
        return command;
    }

    private static boolean bootJar(String classPath) {
        if (!classPath.endsWith(".jar") || classPath.contains(File.pathSeparator)) return false;
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null && jar.getManifest().getMainAttributes().getValue("Spring-Boot-Classes") != null;
        } catch (IOException e) {
            return false;
        }
    }

    void awaitReady() throws IOException {
        if (answers.readByte() != ExtractionWorker.READY) throw new IOException("unexpected greeting");
    }

    /** The text, or {@link ExtractionFailed} when the worker could not parse; IOException when the worker is gone. */
    String extract(Path file, int limit) throws IOException, ExtractionFailed {
        requests.writeUTF(file.toAbsolutePath().toString());
        requests.writeInt(limit);
        requests.flush();
        byte kind = answers.readByte();
        if (kind == ExtractionWorker.FAILED) throw new ExtractionFailed(answers.readUTF());
        if (kind != ExtractionWorker.TEXT) throw new IOException("unexpected answer " + kind);
        int length = answers.readInt();
        if (length < 0 || length > 4L * limit) throw new IOException("answer of " + length + " bytes for " + limit + " characters");
        String text = new String(answers.readNBytes(length), StandardCharsets.UTF_8);
        return text.length() > limit ? text.substring(0, limit) : text;
    }

    boolean alive() {
        return process.isAlive();
    }

    void kill() {
        process.destroyForcibly();
    }
}
