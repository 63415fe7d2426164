from django.urls import path

from corparent.panels.views import constitution as v

urlpatterns = [
    path("", v.index, name="index"),
    path("new/", v.panel_create, name="panel_create"),
    path("<int:panel_id>/", v.panel_detail, name="panel"),
    path("<int:panel_id>/change/", v.panel_edit, name="panel_edit"),
    path("<int:panel_id>/terms/", v.terms_list, name="terms"),
    path("<int:panel_id>/terms/new/", v.terms_create, name="terms_create"),
    path("<int:panel_id>/terms/<int:version>/approve/", v.terms_approve, name="terms_approve"),
    path("<int:panel_id>/members/add/", v.membership_add, name="membership_add"),
    path("<int:panel_id>/members/<int:membership_id>/end/", v.membership_end, name="membership_end"),
    path("<int:panel_id>/members/<int:membership_id>/fill/", v.membership_fill, name="membership_fill"),
    path("<int:panel_id>/balance/", v.balance, name="balance"),
    path("council/", v.council, name="council"),
    path("council/change/", v.council_edit, name="council_edit"),
    path("council/groups/add/", v.group_create, name="group_create"),
    path("council/groups/<int:group_id>/change/", v.group_edit, name="group_edit"),
    path("people/", v.people, name="people"),
    path("people/add/", v.person_create, name="person_create"),
    path("people/<int:person_id>/change/", v.person_edit, name="person_edit"),
]
