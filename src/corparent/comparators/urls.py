from django.urls import path

from corparent.comparators import views

app_name = "comparators"

urlpatterns = [
    path("", views.index, name="index"),
    path("import/", views.import_file, name="import"),
    path("council/", views.council_settings, name="council"),
    path("education/", views.education, name="education"),
]
