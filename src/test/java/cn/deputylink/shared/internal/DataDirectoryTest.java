package cn.deputylink.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory is its owner's only, and so are the H2 files in it, although H2
 * creates them with the process's umask: the directory is narrowed before the database
 * opens, the files after.
 */
class DataDirectoryTest {

	@TempDir
	Path parent;

	private static String mode(Path p) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
	}

	@Test
	void aNewDataDirectoryIsTheOwnersOnly() throws Exception {
		Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxrwxrwx"));
		Path dir = parent.resolve("a/b/data");
		DataDirectory.prepare(dir);
		assertThat(mode(dir)).isEqualTo("rwx------");
	}

	@Test
	void anExistingOpenDataDirectoryIsNarrowed() throws Exception {
		Path dir = Files.createDirectory(parent.resolve("data"));
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
		DataDirectory.prepare(dir);
		assertThat(mode(dir)).isEqualTo("rwx------");
	}

	@Test
	void theH2FilesAreTheOwnersOnlyOnceTheDatabaseIsOpen() throws Exception {
		Path dir = parent.resolve("data");
		DataDirectory.prepare(dir);
		try (Connection c = DriverManager
			.getConnection("jdbc:h2:file:" + dir.resolve("deputylink") + ";MODE=PostgreSQL", "sa", "")) {
			c.createStatement().execute("create table t (x int)");
			Path db = dir.resolve("deputylink.mv.db");
			assertThat(db).exists();
			// H2 created it with the umask's mode; other users could not reach it through
			// the directory anyway
			Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
			DataDirectory.restrictFiles(dir);
			try (Stream<Path> files = Files.list(dir)) {
				for (Path f : files.toList()) {
					assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------");
				}
			}
		}
	}

}
