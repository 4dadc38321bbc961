package dev.retention;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RetentionApplication {

    public static void main(String[] args) {
        SpringApplication.run(RetentionApplication.class, args);
    }
}
