from django.db import models
from django.db.models import Count


class AuthorManager(models.Manager):
    def prolific(self, min_books=2):
        """Authors with at least ``min_books`` books (lazy: returns a QuerySet)."""
        return self.annotate(num_books=Count("books")).filter(num_books__gte=min_books)


class BookQuerySet(models.QuerySet):
    def in_stock(self):
        return self.filter(stock__gt=0)

    def tagged(self, name):
        return self.filter(tags__name=name)


class Author(models.Model):
    name = models.CharField(max_length=100)

    objects = AuthorManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Publisher(models.Model):
    name = models.CharField(max_length=100)
    city = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Tag(models.Model):
    name = models.SlugField(max_length=50, unique=True)

    def __str__(self):
        return self.name


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="books")
    # No related_name: the reverse accessor is publisher.book_set.
    publisher = models.ForeignKey(Publisher, on_delete=models.PROTECT)
    tags = models.ManyToManyField(Tag, blank=True)
    price = models.DecimalField(max_digits=6, decimal_places=2)
    stock = models.PositiveIntegerField(default=0)
    review_count = models.PositiveIntegerField(default=0)

    objects = BookQuerySet.as_manager()

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return self.title


class Review(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField()
    text = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return f"{self.rating}/5 for book {self.book_id}"
