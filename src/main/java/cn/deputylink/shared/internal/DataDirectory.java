package cn.deputylink.shared.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import cn.deputylink.shared.PersonalDataCipher;

/**
 * The data directory ({@code deputylink.data-dir}: the embedded H2 database, the
 * encryption key, the initial admin password) belongs to the application's user alone:
 * the directory is {@code 0700} and the files in it {@code 0600}, whatever the umask.
 * <p>
 * H2 creates its files itself, with the process's umask (typically {@code 0644}), and
 * offers no way to choose their mode. So the directory is created, or narrowed, to
 * {@code 0700} before any bean — the DataSource first of all — is created (this is a bean
 * factory post-processor): from then on every file H2 writes there, now or later (trace,
 * temporary and lock files), is out of other users' reach, whatever its own mode, because
 * they cannot enter the directory. Once the application has started (Flyway has opened
 * the database), the files already there are narrowed to {@code 0600} as well, so that a
 * directory opened up by hand, or a copy of the files, does not expose them.
 */
@Component
class DataDirectory
		implements BeanFactoryPostProcessor, EnvironmentAware, ApplicationListener<ApplicationStartedEvent> {

	private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

	private Path dir = Path.of("data");

	@Override
	public void setEnvironment(Environment environment) {
		this.dir = Path.of(environment.getProperty("deputylink.data-dir", "./data"));
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		prepare(dir);
	}

	@Override
	public void onApplicationEvent(ApplicationStartedEvent event) {
		restrictFiles(dir);
	}

	/** Creates the directory if need be and makes it {@code 0700}. */
	static void prepare(Path dir) {
		try {
			Files.createDirectories(dir);
			Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
		}
		catch (UnsupportedOperationException ex) {
			dir.toFile().setReadable(false, false);
			dir.toFile().setExecutable(false, false);
			dir.toFile().setReadable(true, true);
			dir.toFile().setExecutable(true, true);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prepare the data directory " + dir, ex);
		}
	}

	/** Makes every regular file directly in the directory {@code 0600}. */
	static void restrictFiles(Path dir) {
		if (!Files.isDirectory(dir)) {
			return;
		}
		try (Stream<Path> files = Files.list(dir)) {
			for (Path f : files.filter(Files::isRegularFile).toList()) {
				PersonalDataCipher.OwnerOnly.restrict(f);
			}
		}
		catch (IOException ex) {
			log.warn("Could not restrict the files of {} to their owner", dir, ex);
		}
	}

}
