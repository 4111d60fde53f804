package cn.deputylink.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.NewUser;

/** The first start's admin password goes to its owner-only file, never to the log. */
@ExtendWith(OutputCaptureExtension.class)
class InitialAdminTest {

	@Test
	void thePasswordIsInTheFileAndNotInTheLog(@TempDir Path dir, CapturedOutput output) throws Exception {
		Accounts accounts = mock(Accounts.class);
		when(accounts.count()).thenReturn(0L);
		ArgumentCaptor<NewUser> created = ArgumentCaptor.forClass(NewUser.class);
		when(accounts.create(created.capture(), isNull())).thenReturn(null);

		new InitialAdmin(accounts, dir.toString()).run(null);

		String password = created.getValue().password();
		assertThat(Files.readString(dir.resolve("initial-admin-password")).strip()).isEqualTo(password);
		assertThat(output.getAll()).contains("initial-admin-password").doesNotContain(password);
		Mockito.verify(accounts).create(any(), isNull());
	}

}
