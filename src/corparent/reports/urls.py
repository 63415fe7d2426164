from django.urls import path

from corparent.reports import views

app_name = "reports"

urlpatterns = [
    path("meetings/<int:meeting_id>/pack.pdf", views.pack_pdf, name="pack_pdf"),
    path("meetings/<int:meeting_id>/pack.docx", views.pack_docx, name="pack_docx"),
    path("panels/<int:panel_id>/annual-report-<int:year>.pdf", views.annual_pdf, name="annual_pdf"),
    path("panels/<int:panel_id>/annual-report-<int:year>.docx", views.annual_docx, name="annual_docx"),
]
