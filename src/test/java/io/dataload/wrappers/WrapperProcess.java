package io.dataload.wrappers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a shipped wrapper script as a process in a project folder, as a cron line would. */
record WrapperProcess(int exit, String output) {

    static WrapperProcess run(Path dir, Map<String, String> env, String wrapper, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of("wrappers", wrapper).toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = process.waitFor();
        System.out.println("$ " + String.join(" ", command) + "\n" + output);
        return new WrapperProcess(exit, output);
    }
}
