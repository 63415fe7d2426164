from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "corparent.api"
    label = "api"
    verbose_name = "The JSON API"
