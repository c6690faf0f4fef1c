"""The built-in catalogue of common outsourcing skill sets, with the words that point to each.

A catalogue set exists in the database only once the user first uses it; until then it is
just a name, a description, keywords for suggestions and examples for the brief's questions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from offload.domain.text import name_key


@dataclass(frozen=True)
class CatalogueSet:
    name: str
    description: str
    keywords: tuple[str, ...]
    # Examples shown after a brief's question while its field is still empty.
    examples: dict[str, str] = field(default_factory=dict)


CATALOGUE: tuple[CatalogueSet, ...] = (
    CatalogueSet(
        "Data entry",
        "Typing and keeping records up to date: spreadsheets, databases, CRM, forms and lists.",
        ("data entry", "data", "spreadsheet", "excel", "sheet", "crm", "database",
         "typing", "input", "import", "contact list", "catalogue", "catalog", "inventory",
         "stock", "product listing", "listing", "update record", "copy paste", "scan", "scanning",
         "order entry"),
        {"quality": "no more than 1 error in 200 records", "success": "error rate per 100 records checked"},
    ),
    CatalogueSet(
        "Bookkeeping and accounts",
        "Invoices, receipts, expenses, payroll, bank reconciliation, VAT and tax returns.",
        ("invoice", "invoicing", "bookkeeping", "book keeping", "accounts", "accounting", "account",
         "receipt", "expense", "payroll", "pay run", "wage", "salary", "bank", "reconcile", "reconciliation",
         "vat", "tax", "tax return", "tax filing", "ledger", "quickbooks", "xero", "sage", "bill", "billing", "payment",
         "credit control", "debtor", "chase payment", "budget", "cash flow", "finance", "financial",
         "accountant", "purchase order", "petty cash"),
        {"inputs": "receipts, bank statements, access to the accounting software",
         "success": "books reconciled by the 5th of each month; errors found per quarter",
         "data_rules": "financial data: ask for the provider's data security statement"},
    ),
    CatalogueSet(
        "Website maintenance",
        "Keeping the website up to date and working: content, plugins, backups, fixes and SEO.",
        ("website", "web site", "web", "web design", "wordpress", "wp", "plugin", "landing page", "seo",
         "domain", "hosting", "html", "css", "shopify", "squarespace", "wix", "web page", "broken link",
         "site update", "site backup", "uptime", "online shop", "webshop", "ecommerce", "e-commerce"),
        {"speed": "small content changes live within 2 working days",
         "success": "site up 99.9% of the month; changes done on time"},
    ),
    CatalogueSet(
        "Editing and publishing",
        "Writing, editing and proofreading copy, articles and documents, and getting them published.",
        ("edit", "editing", "proofread", "proofreading", "proof", "copywriting", "write", "writing",
         "article", "blog", "blog post", "publish", "publishing", "draft", "content", "document",
         "report", "ebook", "manuscript", "press release", "case study", "whitepaper", "typo",
         "formatting", "layout"),
        {"quality": "house style followed; no spelling or grammar mistakes",
         "quantity": "2 articles of 800 words a week"},
    ),
    CatalogueSet(
        "Social media",
        "Planning, writing and scheduling posts, answering comments, growing the audience.",
        ("social media", "social", "facebook", "instagram", "insta", "twitter", "tweet", "linkedin", "tiktok",
         "pinterest", "youtube", "hootsuite", "buffer", "reel", "comment", "follower", "hashtag",
         "schedule post", "social post", "community"),
        {"success": "posts published on schedule; engagement and followers month on month"},
    ),
    CatalogueSet(
        "Email and calendar admin",
        "Sorting the inbox, replying to routine mail, booking meetings and travel, diary management.",
        ("email", "e-mail", "inbox", "calendar", "diary", "schedule", "scheduling", "appointment",
         "meeting", "booking", "book meeting", "travel", "flight", "hotel", "admin", "administration", "reminder", "filing email",
         "correspondence", "letter", "phone", "call", "voicemail", "reception", "virtual assistant", "errand"),
        {"speed": "routine emails answered within one working day",
         "data_rules": "which mailboxes and calendars they may read, and what they must never send"},
    ),
    CatalogueSet(
        "Customer support",
        "Answering customers by email, chat and phone; handling orders, returns and complaints.",
        ("customer", "customer service", "customer support", "support", "helpdesk", "help desk", "ticket",
         "enquiry", "inquiry", "customer query", "customer email", "complaint", "refund", "return", "customer order", "live chat",
         "chat", "client query", "faq", "zendesk", "freshdesk", "intercom", "after sale", "warranty"),
        {"success": "first reply within 4 working hours; customer satisfaction score",
         "data_rules": "customer personal data: handle under your privacy policy"},
    ),
    CatalogueSet(
        "Graphic design",
        "Logos, flyers, social images, presentations and other visuals in the brand's style.",
        ("design", "graphic", "graphic design", "logo", "flyer", "leaflet", "brochure", "poster", "banner",
         "image", "photo", "picture", "illustration", "canva", "photoshop", "illustrator", "figma",
         "presentation", "slide", "powerpoint", "brand", "branding", "visual", "mockup", "infographic",
         "business card", "thumbnail", "packaging"),
        {"inputs": "brand guidelines, logo files, fonts, examples you like",
         "outputs": "print-ready PDF and web PNG files"},
    ),
    CatalogueSet(
        "Research",
        "Finding and summarising information: markets, competitors, suppliers, leads and prices.",
        ("research", "researching", "investigate", "market research", "competitor", "competition", "analysis",
         "analyse", "analyze", "survey", "lead", "lead generation", "prospect", "prospecting", "supplier",
         "sourcing", "price comparison", "benchmark", "look up", "fact check", "summary",
         "summarise", "summarize"),
        {"outputs": "a short summary with sources, in a shared document",
         "success": "answers the question asked, with sources checked"},
    ),
    CatalogueSet(
        "Marketing and newsletters",
        "Newsletters, email campaigns, ads and promotions that bring in customers.",
        ("marketing", "newsletter", "mailchimp", "mail out", "mailout", "mail shot", "mailshot", "campaign",
         "email campaign", "mailing", "mailing list",
         "ad", "ads", "advert", "advertising", "adwords", "google ads", "promotion", "promo",
         "launch", "seo campaign", "funnel", "lead magnet", "subscriber", "outreach",
         "brochure mailing", "direct mail", "webinar"),
        {"quantity": "one newsletter a month and two campaigns a quarter",
         "success": "open and click rates; new enquiries from each campaign"},
    ),
    CatalogueSet(
        "IT support",
        "Computers, phones, networks, software, accounts, backups and security kept working.",
        ("it support", "it admin", "email account", "user account", "computer", "laptop", "pc", "mac", "printer", "network", "wifi", "wi-fi",
         "router", "server", "software", "install", "installation", "update software", "password", "account",
         "security", "antivirus", "virus", "backup", "cloud", "office 365", "microsoft 365", "google workspace",
         "technical", "troubleshoot", "fix computer", "device", "phone setup", "licence", "license"),
        {"speed": "urgent problems answered within 2 hours",
         "data_rules": "admin passwords through a password manager, never by email"},
    ),
    CatalogueSet(
        "Transcription",
        "Turning recordings of meetings, interviews, calls and dictation into text.",
        ("transcription", "transcribe", "transcript", "dictation", "dictate", "audio", "recording",
         "minute", "meeting notes", "notes", "interview transcript", "podcast", "subtitle", "caption", "voice memo",
         "typing up", "type up"),
        {"quality": "99% accurate; speakers named", "speed": "within 48 hours of the recording"},
    ),
)


def catalogue_set(name: str) -> CatalogueSet | None:
    """The catalogue entry with this name, any case."""
    key = name_key(name)
    return next((c for c in CATALOGUE if name_key(c.name) == key), None)
