from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "corparent.web"
    label = "web"
    verbose_name = "Pages, layout and glossary"
