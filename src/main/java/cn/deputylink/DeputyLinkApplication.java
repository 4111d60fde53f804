package cn.deputylink;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * DeputyLink (代表联系群众平台): one deployable application, one Spring Modulith module per
 * feature.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DeputyLinkApplication {

	public static void main(String[] args) {
		SpringApplication.run(DeputyLinkApplication.class, args);
	}

}
