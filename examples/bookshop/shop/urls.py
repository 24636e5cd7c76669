from django.urls import path

from . import views

app_name = "shop"

urlpatterns = [
    path("", views.book_list, name="book_list"),
    path("books/<int:pk>/", views.book_detail, name="book_detail"),
    path("books/<int:pk>/json/", views.book_json, name="book_json"),
    path("books/<int:pk>/price/", views.book_price, name="book_price"),
    path("books/<int:pk>/reviews/", views.book_reviews, name="book_reviews"),
    path("books/<int:pk>/reviews/add/", views.add_review, name="add_review"),
    path("books/<int:pk>/buy/", views.buy_book, name="buy_book"),
    path("books/<int:pk>/reserve/", views.reserve_copy, name="reserve_copy"),
    path("books/<int:pk>/restock/", views.restock, name="restock"),
    path("books/export.csv", views.export_csv, name="export_csv"),
    path("search/", views.search, name="search"),
    path("stock/", views.stock_report, name="stock_report"),
    path("stock/badge/", views.stock_badge, name="stock_badge"),
    path("account/", views.account, name="account"),
    path("books/page/", views.book_list_page, name="book_list_page"),
    path("tags/<slug:name>/", views.tag_books, name="tag_books"),
    path("authors/<int:pk>/", views.author_detail, name="author_detail"),
    path("authors/<int:pk>/books/", views.author_books, name="author_books"),
    path("publishers/", views.publisher_list, name="publisher_list"),
    path("publishers/<int:pk>/", views.publisher_detail, name="publisher_detail"),
    path("publishers/<int:pk>/discount/", views.discount, name="discount"),
]
