package dev.tend.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import javax.tools.ToolProvider;

/**
 * S3Mock always opens a second, plain-HTTP Tomcat connector and offers no setting to bind it to an
 * address, so it would listen on every interface. This compiles, against the Spring jars inside
 * the exec jar, a Spring context initializer that sets every Tomcat connector's address to
 * 127.0.0.1 before it binds; S3Mock is then started through Spring Boot's PropertiesLauncher with
 * the initializer on its class path ({@code loader.path}), registered in META-INF/spring.factories
 * (S3Mock ignores {@code context.initializer.classes}).
 */
final class S3MockLoopback {
    static final String INITIALIZER = "LoopbackConnectors";
    static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private static final String SOURCE = """
            import org.springframework.beans.factory.config.BeanPostProcessor;
            import org.springframework.context.ApplicationContextInitializer;
            import org.springframework.context.ConfigurableApplicationContext;

            public class LoopbackConnectors implements ApplicationContextInitializer<ConfigurableApplicationContext> {
                @Override
                public void initialize(ConfigurableApplicationContext context) {
                    context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                        @Override
                        public Object postProcessBeforeInitialization(Object bean, String name) {
                            if (bean.getClass().getName().equals("org.apache.catalina.connector.Connector")) {
                                try {
                                    bean.getClass().getMethod("setProperty", String.class, String.class)
                                            .invoke(bean, "address", "127.0.0.1");
                                } catch (ReflectiveOperationException e) {
                                    throw new IllegalStateException("cannot bind S3Mock's connector to 127.0.0.1", e);
                                }
                            }
                            return bean;
                        }
                    });
                }
            }
            """;

    private S3MockLoopback() {}

    /** Compiles and registers the initializer in {@code workDir/loopback} and returns that directory. */
    static Path prepare(Path execJar, Path workDir) throws IOException {
        var libraries = Files.createDirectories(workDir.resolve("spring-api"));
        var classPath = new ArrayList<String>();
        try (var jar = new JarFile(execJar.toFile())) {
            for (var entry : java.util.Collections.list(jar.entries())) {
                var name = entry.getName();
                if (name.matches("BOOT-INF/lib/spring-(context|beans|core)-[0-9].*\\.jar")) {
                    var target = libraries.resolve(name.substring(name.lastIndexOf('/') + 1));
                    try (var in = jar.getInputStream(entry)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                    classPath.add(target.toString());
                }
            }
        }
        if (classPath.size() != 3) {
            throw new IllegalStateException("expected spring-context, -beans and -core in " + execJar + ", found " + classPath);
        }
        var sources = Files.createDirectories(workDir.resolve("loopback-src"));
        var source = Files.writeString(sources.resolve(INITIALIZER + ".java"), SOURCE);
        var classes = Files.createDirectories(workDir.resolve("loopback"));
        var compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) throw new IllegalStateException("the tests need a JDK (javax.tools compiler), not a JRE");
        int status = compiler.run(null, null, System.err, List.of("-proc:none", "-nowarn", "-d", classes.toString(),
                "-cp", String.join(java.io.File.pathSeparator, classPath), source.toString()).toArray(String[]::new));
        if (status != 0) throw new IllegalStateException("could not compile " + INITIALIZER + " (javac exit " + status + ")");
        var factories = Files.createDirectories(classes.resolve("META-INF")).resolve("spring.factories");
        Files.writeString(factories, "org.springframework.context.ApplicationContextInitializer=" + INITIALIZER + "\n");
        return classes;
    }
}
