package com.example.product;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.provisio.domain.model.InvitationEmail;
import org.provisio.domain.model.LifecycleEvent;
import org.provisio.domain.port.InvitationMailer;
import org.provisio.domain.port.LifecycleListener;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A minimal product: its own LifecycleListener and InvitationMailer beans, Provisio auto-configured. */
@SpringBootApplication
public class ProductApplication {
    /** What the product heard, in order. */
    public static final class Heard {
        public final List<LifecycleEvent> events = new CopyOnWriteArrayList<>();
        public final List<InvitationEmail> mails = new CopyOnWriteArrayList<>();
    }

    @Bean
    Heard heard() {
        return new Heard();
    }

    @Bean
    LifecycleListener accounts(Heard heard) {
        return heard.events::add;
    }

    @Bean
    InvitationMailer mailer(Heard heard) {
        return heard.mails::add;
    }
}
