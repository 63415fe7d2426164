from django.urls import path

from corparent.accounts import views

app_name = "accounts"

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-out/", views.SignOutView.as_view(), name="logout"),
    path("audit-log/", views.audit_log, name="audit_log"),
]
