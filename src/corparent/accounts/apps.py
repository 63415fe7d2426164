from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "corparent.accounts"
    label = "accounts"
    verbose_name = "People, roles and the audit log"
