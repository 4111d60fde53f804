package cn.deputylink.notification.internal;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Email through the SMTP server of {@code spring.mail.*}. Not idempotent: SMTP cannot
 * recognise a repeat.
 */
class SmtpChannel implements Channel {

	private final JavaMailSender mail;

	private final String from;

	SmtpChannel(JavaMailSender mail, String from) {
		this.mail = mail;
		this.from = from;
	}

	@Override
	public void send(OutboxMessage m) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(m.recipient());
		message.setSubject(m.subject() == null ? "" : m.subject());
		message.setText(m.body());
		mail.send(message);
	}

	@Override
	public String describe() {
		return "smtp";
	}

}
