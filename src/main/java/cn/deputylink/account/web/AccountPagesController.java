package cn.deputylink.account.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.internal.Totp;
import cn.deputylink.account.internal.WebSessions;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.web.FormErrors;

/** Login, changing one's password, the second factor and one's own sessions. */
@Controller
class AccountPagesController {

	private static final String PENDING_SECRET = "PENDING_TOTP_SECRET";

	private final Accounts accounts;

	private final WebSessions webSessions;

	private final FormErrors errors;

	AccountPagesController(Accounts accounts, WebSessions webSessions, FormErrors errors) {
		this.accounts = accounts;
		this.webSessions = webSessions;
		this.errors = errors;
	}

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		if (CurrentUser.find().isPresent()) {
			return "redirect:/dashboard";
		}
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute("LAST_USERNAME") != null) {
			model.addAttribute("lastUsername", session.getAttribute("LAST_USERNAME"));
		}
		return "account/login";
	}

	@GetMapping("/account/password")
	String passwordForm() {
		return "account/password";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		try {
			if (!newPassword.equals(confirmPassword)) {
				throw new InvalidInputException("confirmPassword", "password.mismatch");
			}
			accounts.changePassword(me, currentPassword, newPassword);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", errors.of(ex));
			return "account/password";
		}
		// every other session of the account ended; this one goes on
		replacePrincipal(accounts.refreshed(me), request);
		redirect.addFlashAttribute("flash", errors.msg("password.changed"));
		return "redirect:/dashboard";
	}

	/**
	 * Enrolment, or — once enrolled — re-enrolment with a new secret and turning the
	 * factor off.
	 */
	@GetMapping("/account/totp")
	String totpForm(HttpSession session, Model model) throws IOException {
		totpModel(session, model);
		return "account/totp";
	}

	private void totpModel(HttpSession session, Model model) throws IOException {
		CurrentUser me = CurrentUser.get();
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute(PENDING_SECRET, secret);
		}
		model.addAttribute("secret", secret);
		model.addAttribute("qr", qrDataUri(Totp.uri("DeputyLink", me.getUsername(), secret)));
	}

	@PostMapping("/account/totp")
	String enableTotp(@RequestParam String code, @RequestParam(required = false) @Nullable String currentCode,
			HttpServletRequest request, Model model, RedirectAttributes redirect) throws IOException {
		CurrentUser me = CurrentUser.get();
		String secret = (String) request.getSession().getAttribute(PENDING_SECRET);
		if (secret == null) {
			return "redirect:/account/totp";
		}
		try {
			accounts.enableTotp(me, secret, code.strip(), currentCode == null ? null : currentCode.strip());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", errors.of(ex));
			totpModel(request.getSession(), model);
			return "account/totp";
		}
		request.getSession().removeAttribute(PENDING_SECRET);
		replacePrincipal(accounts.refreshed(me), request);
		redirect.addFlashAttribute("flash", errors.msg("totp.enabled"));
		return "redirect:/dashboard";
	}

	@PostMapping("/account/totp/disable")
	String disableTotp(@RequestParam(required = false) @Nullable String code, HttpServletRequest request, Model model,
			RedirectAttributes redirect) throws IOException {
		CurrentUser me = CurrentUser.get();
		try {
			accounts.disableOwnTotp(me, code == null ? null : code.strip());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("disableErrors", errors.of(ex));
			totpModel(request.getSession(), model);
			return "account/totp";
		}
		replacePrincipal(accounts.refreshed(me), request);
		redirect.addFlashAttribute("flash", errors.msg("auth.totp.disabled"));
		return "redirect:/account/totp";
	}

	/**
	 * "My sessions": where the user is signed in, and a button to end each other session.
	 */
	@GetMapping("/account/sessions")
	String sessions(HttpServletRequest request, Model model) {
		HttpSession session = request.getSession(false);
		model.addAttribute("sessions", webSessions.of(CurrentUser.get(), session == null ? null : session.getId()));
		return "account/sessions";
	}

	@PostMapping("/account/sessions/{id}/end")
	String endSession(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
		HttpSession session = request.getSession(false);
		if (webSessions.end(CurrentUser.get(), id, session == null ? null : session.getId()) && session != null) {
			// ending the session one is using is signing out
			SecurityContextHolder.clearContext();
			session.invalidate();
			return "redirect:/login?logout";
		}
		redirect.addFlashAttribute("flash", errors.msg("auth.sessions.ended"));
		return "redirect:/account/sessions";
	}

	/**
	 * Someone else's session, or none: the same answer, so session ids reveal nothing.
	 */
	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/** Keeps the session's principal in step with the account after a setup step. */
	private static void replacePrincipal(CurrentUser updated, HttpServletRequest request) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(updated, null, updated.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
	}

	/** The enrolment QR code as an inline PNG (the CSP allows {@code data:} images). */
	static String qrDataUri(String text) throws IOException {
		try {
			BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 220, 220, Map.of());
			BufferedImage img = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
			for (int x = 0; x < m.getWidth(); x++) {
				for (int y = 0; y < m.getHeight(); y++) {
					img.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(img, "png", out);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
		}
		catch (WriterException ex) {
			throw new IOException(ex);
		}
	}

}
