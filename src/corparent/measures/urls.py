from django.urls import path

from corparent.measures import views

app_name = "measures"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.create, name="create"),
    path("<int:measure_id>/", views.detail, name="detail"),
    path("<int:measure_id>/submit/", views.submit, name="submit"),
    path("<int:measure_id>/template.csv", views.template, name="template"),
    path("<int:measure_id>/import/", views.import_values, name="import"),
    path("<int:measure_id>/target/", views.target_edit, name="target_edit"),
    path("<int:measure_id>/commentary/", views.commentary_edit, name="commentary_edit"),
]
