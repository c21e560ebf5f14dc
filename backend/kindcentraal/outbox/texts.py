"""The words of every e-mail, per language. Each sentence names what happened and the child's
first name, nothing else: no message text, no note, no care detail can reach a mail, because
no template has a place for it."""

from kindcentraal.notification.models import NotificationKind

LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk")
DEFAULT_LANGUAGE = "nl"

# {name} is the child's first name, the only personal detail a mail carries.
EVENT_LINES: dict[NotificationKind, dict[str, str]] = {
    NotificationKind.MESSAGE_RECEIVED: {
        "nl": "Er is een nieuw bericht over {name} in KindCentraal.",
        "en": "There is a new message about {name} in KindCentraal.",
        "ar": "توجد رسالة جديدة عن {name} في KindCentraal.",
        "tr": "KindCentraal'da {name} hakkında yeni bir mesaj var.",
        "pl": "W KindCentraal jest nowa wiadomość o {name}.",
        "uk": "У KindCentraal є нове повідомлення про {name}.",
    },
    NotificationKind.ANNOUNCEMENT_PUBLISHED: {
        "nl": "Er is een nieuwe mededeling voor {name} in KindCentraal.",
        "en": "There is a new announcement for {name} in KindCentraal.",
        "ar": "يوجد إعلان جديد بخصوص {name} في KindCentraal.",
        "tr": "KindCentraal'da {name} için yeni bir duyuru var.",
        "pl": "W KindCentraal jest nowe ogłoszenie dotyczące {name}.",
        "uk": "У KindCentraal є нове оголошення щодо {name}.",
    },
    NotificationKind.CONSENT_NEEDED: {
        "nl": "Er is een vraag om uw toestemming over {name} in KindCentraal.",
        "en": "There is a request for your consent about {name} in KindCentraal.",
        "ar": "يوجد طلب لموافقتك بخصوص {name} في KindCentraal.",
        "tr": "KindCentraal'da {name} hakkında onayınız isteniyor.",
        "pl": "W KindCentraal czeka prośba o Twoją zgodę dotyczącą {name}.",
        "uk": "У KindCentraal на вас чекає запит на згоду щодо {name}.",
    },
    NotificationKind.TALK_SLOTS_PUBLISHED: {
        "nl": "U kunt een gesprek over {name} plannen in KindCentraal.",
        "en": "You can book a talk about {name} in KindCentraal.",
        "ar": "يمكنك حجز موعد للحديث عن {name} في KindCentraal.",
        "tr": "KindCentraal'da {name} hakkında bir görüşme ayarlayabilirsiniz.",
        "pl": "W KindCentraal możesz umówić rozmowę o {name}.",
        "uk": "У KindCentraal ви можете записатися на розмову про {name}.",
    },
    NotificationKind.TALK_BOOKED: {
        "nl": "Er is een gesprek over {name} ingepland in KindCentraal.",
        "en": "A talk about {name} was booked in KindCentraal.",
        "ar": "تم حجز موعد للحديث عن {name} في KindCentraal.",
        "tr": "KindCentraal'da {name} hakkında bir görüşme planlandı.",
        "pl": "W KindCentraal zaplanowano rozmowę o {name}.",
        "uk": "У KindCentraal заплановано розмову про {name}.",
    },
    NotificationKind.TALK_CANCELLED: {
        "nl": "Een gesprek over {name} is afgezegd in KindCentraal.",
        "en": "A talk about {name} was cancelled in KindCentraal.",
        "ar": "تم إلغاء موعد الحديث عن {name} في KindCentraal.",
        "tr": "KindCentraal'da {name} hakkındaki görüşme iptal edildi.",
        "pl": "W KindCentraal odwołano rozmowę o {name}.",
        "uk": "У KindCentraal скасовано розмову про {name}.",
    },
    NotificationKind.CONTACT_PERSON_CHANGED: {
        "nl": "{name} heeft een nieuwe contactpersoon in KindCentraal.",
        "en": "{name} has a new contact person in KindCentraal.",
        "ar": "لدى {name} شخص اتصال جديد في KindCentraal.",
        "tr": "KindCentraal'da {name} için yeni bir irtibat kişisi var.",
        "pl": "{name} ma nową osobę kontaktową w KindCentraal.",
        "uk": "У {name} нова контактна особа в KindCentraal.",
    },
    NotificationKind.HANDOVER_RECEIVED: {
        "nl": "U bent de nieuwe contactpersoon van {name} in KindCentraal.",
        "en": "You are the new contact person for {name} in KindCentraal.",
        "ar": "أنت شخص الاتصال الجديد لـ {name} في KindCentraal.",
        "tr": "KindCentraal'da {name} için yeni irtibat kişisi sizsiniz.",
        "pl": "Jesteś nową osobą kontaktową dla {name} w KindCentraal.",
        "uk": "Ви нова контактна особа для {name} у KindCentraal.",
    },
    NotificationKind.WAITLIST_MOVED_UP: {
        "nl": "Er is een plek vrijgekomen voor {name} in KindCentraal.",
        "en": "A place came free for {name} in KindCentraal.",
        "ar": "أصبح هناك مكان متاح لـ {name} في KindCentraal.",
        "tr": "KindCentraal'da {name} için bir yer açıldı.",
        "pl": "W KindCentraal zwolniło się miejsce dla {name}.",
        "uk": "У KindCentraal звільнилося місце для {name}.",
    },
}

# Which e-mail setting each kind answers to; kinds not listed stay in the app only.
TOPIC_OF: dict[NotificationKind, str] = {
    NotificationKind.MESSAGE_RECEIVED: "email_messages",
    NotificationKind.ANNOUNCEMENT_PUBLISHED: "email_announcements",
    NotificationKind.CONSENT_NEEDED: "email_consents",
    NotificationKind.TALK_SLOTS_PUBLISHED: "email_talks",
    NotificationKind.TALK_BOOKED: "email_talks",
    NotificationKind.TALK_CANCELLED: "email_talks",
    NotificationKind.WAITLIST_MOVED_UP: "email_activities",
    NotificationKind.CONTACT_PERSON_CHANGED: "email_contact_person",
    NotificationKind.HANDOVER_RECEIVED: "email_contact_person",
}

OPEN_APP = {
    "nl": "Open KindCentraal om te lezen wat er is:",
    "en": "Open KindCentraal to see what it is:",
    "ar": "افتح KindCentraal لترى ما هو:",
    "tr": "Ne olduğunu görmek için KindCentraal'ı açın:",
    "pl": "Otwórz KindCentraal, aby zobaczyć, co to jest:",
    "uk": "Відкрийте KindCentraal, щоб побачити, що це:",
}

WHY_THIS_MAIL = {
    "nl": "U krijgt deze e-mail omdat meldingen per e-mail aan staan. "
    "U zet ze uit in KindCentraal, bij Instellingen.",
    "en": "You get this e-mail because e-mail notifications are on. "
    "You can turn them off in KindCentraal, under Settings.",
    "ar": "تصلك هذه الرسالة لأن الإشعارات عبر البريد الإلكتروني مفعّلة. "
    "يمكنك إيقافها في KindCentraal، ضمن الإعدادات.",
    "tr": "Bu e-postayı e-posta bildirimleri açık olduğu için alıyorsunuz. "
    "Bunları KindCentraal'da Ayarlar bölümünden kapatabilirsiniz.",
    "pl": "Otrzymujesz tę wiadomość, ponieważ powiadomienia e-mail są włączone. "
    "Możesz je wyłączyć w KindCentraal, w Ustawieniach.",
    "uk": "Ви отримали цей лист, бо сповіщення електронною поштою увімкнені. "
    "Їх можна вимкнути в KindCentraal, у Налаштуваннях.",
}

DIGEST_SUBJECT = {
    "nl": "Uw week in KindCentraal",
    "en": "Your week in KindCentraal",
    "ar": "أسبوعك في KindCentraal",
    "tr": "KindCentraal'da haftanız",
    "pl": "Twój tydzień w KindCentraal",
    "uk": "Ваш тиждень у KindCentraal",
}

DIGEST_INTRO = {
    "nl": "Dit is er deze week gebeurd:",
    "en": "This is what happened this week:",
    "ar": "هذا ما حدث هذا الأسبوع:",
    "tr": "Bu hafta olanlar:",
    "pl": "Oto co wydarzyło się w tym tygodniu:",
    "uk": "Ось що сталося цього тижня:",
}

# "{name}: 2 × new message" lines: counts per kind, never content.
DIGEST_LABELS: dict[NotificationKind, dict[str, str]] = {
    NotificationKind.MESSAGE_RECEIVED: {
        "nl": "nieuwe berichten",
        "en": "new messages",
        "ar": "رسائل جديدة",
        "tr": "yeni mesaj",
        "pl": "nowe wiadomości",
        "uk": "нові повідомлення",
    },
    NotificationKind.ANNOUNCEMENT_PUBLISHED: {
        "nl": "nieuwe mededelingen",
        "en": "new announcements",
        "ar": "إعلانات جديدة",
        "tr": "yeni duyuru",
        "pl": "nowe ogłoszenia",
        "uk": "нові оголошення",
    },
    NotificationKind.CONSENT_NEEDED: {
        "nl": "vragen om toestemming",
        "en": "requests for consent",
        "ar": "طلبات موافقة",
        "tr": "onay isteği",
        "pl": "prośby o zgodę",
        "uk": "запити на згоду",
    },
}
OTHER_LABEL = {
    "nl": "andere meldingen",
    "en": "other notifications",
    "ar": "إشعارات أخرى",
    "tr": "diğer bildirim",
    "pl": "inne powiadomienia",
    "uk": "інші сповіщення",
}
ALL_CHILDREN = {
    "nl": "Voor al uw kinderen",
    "en": "For all your children",
    "ar": "لكل أطفالك",
    "tr": "Tüm çocuklarınız için",
    "pl": "Dla wszystkich Twoich dzieci",
    "uk": "Для всіх ваших дітей",
}


def language_of(chosen: str | None) -> str:
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE
